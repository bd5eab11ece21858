package dev.imagecensus.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads Prometheus rule files (plain {@code groups:} files). */
public final class RuleFiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RuleFiles() {
    }

    /** The parsed rule file. */
    public static JsonNode read(Path file) throws IOException {
        return YAML.readTree(file.toFile());
    }

    /** Every rule's {@code expr}, in file order. */
    public static List<String> expressions(Path file) throws IOException {
        List<String> exprs = new ArrayList<>();
        read(file).path("groups").forEach(g -> g.path("rules").forEach(r -> exprs.add(r.path("expr").asText())));
        return exprs;
    }

    /** Every alerting rule's name, in file order. */
    public static List<String> alertNames(JsonNode rules) {
        List<String> names = new ArrayList<>();
        rules.path("groups").forEach(g -> g.path("rules").forEach(r -> {
            if (r.has("alert")) {
                names.add(r.get("alert").asText());
            }
        }));
        return names;
    }
}
