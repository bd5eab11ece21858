package dev.imagecensus.enricher.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagecensus.enricher.classify.ImageConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses an image config blob into the classifier's {@link ImageConfig}: platform, environment (for
 * {@code GODEBUG}, {@code OPENSSL_CONF}) and labels. A config without os or architecture is not an image.
 */
final class ImageConfigParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ImageConfigParser() {
    }

    static ImageConfig parse(byte[] body) throws BadImageException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new BadImageException("image config is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new BadImageException("image config is not a JSON object");
        }
        String os = root.path("os").asText("");
        String architecture = root.path("architecture").asText("");
        if (os.isEmpty() || architecture.isEmpty()) {
            throw new BadImageException("image config has no os or architecture");
        }
        JsonNode config = root.path("config");
        List<String> env = new ArrayList<>();
        config.path("Env").forEach(e -> env.add(e.asText()));
        Map<String, String> labels = new LinkedHashMap<>();
        config.path("Labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return new ImageConfig(os, architecture, root.path("variant").asText(null), labels, env);
    }
}
