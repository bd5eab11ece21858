package dev.imagecensus.enricher.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses manifest bytes into a {@link Manifest}. Pure. The media type comes from the document's
 * {@code mediaType}, else the Content-Type header, else its shape; Docker schema 1 and anything unknown are
 * rejected, as are descriptors without a valid digest and documents with absurd entry counts.
 */
final class ManifestParser {

    static final int MAX_ENTRIES = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ManifestParser() {
    }

    static Manifest parse(byte[] body, String contentType, String digest) throws BadImageException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadImageException("manifest is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadImageException("manifest is not readable JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new BadImageException("manifest is not a JSON object");
        }
        String mediaType = mediaType(root, contentType);
        if (root.path("schemaVersion").asInt() == 1 || MediaTypes.isSchema1(mediaType)) {
            throw new BadImageException("Docker schema 1 manifests are not supported");
        }
        if (root.path("schemaVersion").asInt() != 2) {
            throw new BadImageException("unsupported schemaVersion " + root.path("schemaVersion"));
        }
        if (MediaTypes.isIndex(mediaType)) {
            return new Manifest.Index(mediaType, digest, body.length, descriptors(root.path("manifests"), "manifests"));
        }
        if (MediaTypes.isImageManifest(mediaType)) {
            return new Manifest.Image(mediaType, digest, body.length, descriptor(root.path("config"), "config"),
                    descriptors(root.path("layers"), "layers"));
        }
        throw new BadImageException("unsupported manifest media type '" + mediaType + "'");
    }

    private static String mediaType(JsonNode root, String contentType) {
        String declared = root.path("mediaType").asText("");
        if (!declared.isEmpty()) {
            return MediaTypes.bare(declared);
        }
        String header = MediaTypes.bare(contentType);
        if (MediaTypes.isIndex(header) || MediaTypes.isImageManifest(header) || MediaTypes.isSchema1(header)) {
            return header;
        }
        // OCI allows mediaType to be absent: tell the two kinds apart by shape.
        if (root.has("manifests")) {
            return MediaTypes.OCI_INDEX;
        }
        return root.has("config") ? MediaTypes.OCI_MANIFEST : header;
    }

    private static List<Descriptor> descriptors(JsonNode array, String field) throws BadImageException {
        if (!array.isArray()) {
            throw new BadImageException("manifest has no '" + field + "' array");
        }
        if (array.size() > MAX_ENTRIES) {
            throw new BadImageException("manifest lists " + array.size() + " " + field + ", more than " + MAX_ENTRIES);
        }
        List<Descriptor> descriptors = new ArrayList<>(array.size());
        for (JsonNode node : array) {
            descriptors.add(descriptor(node, field));
        }
        return descriptors;
    }

    static Descriptor descriptor(JsonNode node, String field) throws BadImageException {
        if (!node.isObject()) {
            throw new BadImageException("'" + field + "' descriptor is not an object");
        }
        String digest = node.path("digest").asText("");
        if (!Digests.isValid(digest)) {
            throw new BadImageException("'" + field + "' descriptor has an invalid digest '" + digest + "'");
        }
        long size = node.path("size").asLong(-1);
        if (size < 0) {
            throw new BadImageException("'" + field + "' descriptor " + digest + " has no valid size");
        }
        JsonNode p = node.path("platform");
        Platform platform = p.isObject() && p.hasNonNull("os") && p.hasNonNull("architecture")
                ? new Platform(p.path("os").asText(), p.path("architecture").asText(), p.path("variant").asText(null),
                        p.path("os.version").asText(null))
                : null;
        Map<String, String> annotations = new LinkedHashMap<>();
        node.path("annotations").properties().forEach(e -> annotations.put(e.getKey(), e.getValue().asText()));
        return new Descriptor(node.path("mediaType").asText(""), digest, size, platform, annotations);
    }
}
