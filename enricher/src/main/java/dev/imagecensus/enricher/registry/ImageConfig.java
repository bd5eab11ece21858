package dev.imagecensus.enricher.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an image config blob that classification uses: platform, environment (for {@code GODEBUG},
 * {@code OPENSSL_CONF}), labels, and the layers' diff ids.
 *
 * @param variant    null when absent
 * @param osVersion  null when absent
 */
public record ImageConfig(String digest, String os, String architecture, String variant, String osVersion,
                          List<String> env, Map<String, String> labels, List<String> diffIds) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ImageConfig {
        env = List.copyOf(env);
        labels = Map.copyOf(labels);
        diffIds = List.copyOf(diffIds);
    }

    /** The config's platform. */
    public Platform platform() {
        return new Platform(os, architecture, variant, osVersion);
    }

    static ImageConfig parse(byte[] body, String digest) throws BadImageException {
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
        List<String> diffIds = new ArrayList<>();
        root.path("rootfs").path("diff_ids").forEach(d -> diffIds.add(d.asText()));
        return new ImageConfig(digest, os, architecture, root.path("variant").asText(null),
                root.path("os.version").asText(null), env, labels, diffIds);
    }
}
