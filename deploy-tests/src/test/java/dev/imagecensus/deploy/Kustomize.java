package dev.imagecensus.deploy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The subset of Kustomize that {@code deploy/kubernetes} uses, in Java, so the tests need no {@code kubectl}
 * (Debian 12 has none recent enough): {@code resources} (files and kustomization directories), {@code images}
 * ({@code newName}/{@code newTag}) and {@code patches} with a target and an inline JSON 6902 patch
 * ({@code add}/{@code replace}). Anything else in a kustomization fails, so the subset cannot drift silently.
 * Where {@code kubectl} exists, {@code KubernetesManifestsTest} compares this rendering with the real one.
 */
public final class Kustomize {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "images", "patches");

    private Kustomize() {
    }

    /** The objects {@code kubectl apply -k dir} would send, as a YAML stream. */
    public static String build(Path dir) throws IOException {
        StringBuilder out = new StringBuilder();
        for (JsonNode object : render(dir)) {
            out.append("---\n").append(YAML.writeValueAsString(object).replaceFirst("^---\n", ""));
        }
        return out.toString();
    }

    /** The rendered objects of the kustomization in {@code dir}. */
    public static List<JsonNode> render(Path dir) throws IOException {
        JsonNode k = YAML.readTree(dir.resolve("kustomization.yaml").toFile());
        k.fieldNames().forEachRemaining(f -> {
            if (!SUPPORTED.contains(f)) {
                throw new IllegalArgumentException(dir + ": kustomization field '" + f + "' not supported by Kustomize");
            }
        });
        List<JsonNode> objects = new ArrayList<>();
        for (JsonNode r : k.path("resources")) {
            Path p = dir.resolve(r.asText()).normalize();
            if (Files.isDirectory(p)) {
                objects.addAll(render(p));
            } else {
                for (JsonNode doc : YAML.readerFor(JsonNode.class).<JsonNode>readValues(p.toFile()).readAll()) {
                    if (doc != null && !doc.isEmpty()) {
                        objects.add(doc);
                    }
                }
            }
        }
        for (JsonNode image : k.path("images")) {
            objects.forEach(o -> retag(o, image));
        }
        for (JsonNode patch : k.path("patches")) {
            JsonNode target = patch.path("target");
            JsonNode ops = YAML.readTree(patch.path("patch").asText());
            objects.stream().filter(o -> o.path("kind").asText().equals(target.path("kind").asText())
                            && o.path("metadata").path("name").asText().equals(target.path("name").asText()))
                    .forEach(o -> ops.forEach(op -> apply(o, op)));
        }
        return objects;
    }

    private static void apply(JsonNode object, JsonNode op) {
        String kind = op.path("op").asText();
        if (!kind.equals("replace") && !kind.equals("add")) {
            throw new IllegalArgumentException("JSON patch op '" + kind + "' not supported by Kustomize");
        }
        JsonPointer path = JsonPointer.compile(op.path("path").asText());
        JsonNode parent = object.at(path.head());
        if (!(parent instanceof ObjectNode obj) || (kind.equals("replace") && !obj.has(path.last().getMatchingProperty()))) {
            throw new IllegalArgumentException("cannot " + kind + " " + path + " in " + object.path("metadata"));
        }
        obj.set(path.last().getMatchingProperty(), op.path("value"));
    }

    private static void retag(JsonNode node, JsonNode image) {
        if (node.isObject() && node.has("image") && node.get("image").isTextual()) {
            String ref = node.get("image").asText();
            String name = image.path("name").asText();
            if (ref.equals(name) || ref.startsWith(name + ":") || ref.startsWith(name + "@")) {
                String newName = image.path("newName").asText(name);
                String tag = image.has("newTag") ? image.get("newTag").asText() : ref.substring(name.length() + 1);
                ((ObjectNode) node).put("image", newName + ":" + tag);
            }
        }
        node.elements().forEachRemaining(child -> retag(child, image));
    }
}
