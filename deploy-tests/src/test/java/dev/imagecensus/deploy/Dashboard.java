package dev.imagecensus.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the Grafana dashboard's PromQL: every panel target's {@code expr} and every query variable's query. */
public final class Dashboard {

    private Dashboard() {
    }

    /** The dashboard JSON. */
    public static JsonNode read(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    /** Every PromQL expression, Grafana variables left in. */
    public static List<String> expressions(Path file) throws IOException {
        JsonNode dashboard = read(file);
        List<String> exprs = new ArrayList<>();
        collectPanels(dashboard.path("panels"), exprs);
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if ("query".equals(variable.path("type").asText())) {
                JsonNode q = variable.path("query");
                String text = q.isObject() ? q.path("query").asText() : q.asText();
                // label_values(metric, label) is Grafana's, not PromQL: keep the selector inside.
                exprs.add(text.replaceAll("^label_values\\((.*),\\s*\\w+\\)$", "$1"));
            }
        }
        return exprs;
    }

    private static void collectPanels(JsonNode panels, List<String> exprs) {
        for (JsonNode panel : panels) {
            panel.path("targets").forEach(t -> {
                if (t.hasNonNull("expr")) {
                    exprs.add(t.get("expr").asText());
                }
            });
            collectPanels(panel.path("panels"), exprs);
        }
    }
}
