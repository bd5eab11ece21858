package dev.imagecensus.embedded.oci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes image configs, manifests and indexes as compact JSON with a fixed field order, so the same inputs
 * always give the same digests. Docker schema 2 and OCI differ only in their media types here.
 */
public final class ImageAssembler {

    /** Which manifest family to write. */
    public enum Format { OCI, DOCKER }

    /**
     * A built image manifest and the blobs it needs in the registry first.
     *
     * @param blobs the config, then the layers
     */
    public record Built(Blob manifest, List<Blob> blobs) {
        public Built {
            blobs = List.copyOf(blobs);
        }
    }

    /** An entry of an index: a pushed manifest and the platform it is for. */
    public record IndexEntry(Blob manifest, ImagePlatform platform, Map<String, String> annotations) {
        public IndexEntry {
            annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATED = TarLayer.MTIME.toString();

    private ImageAssembler() {
    }

    /** A single-platform image: config (os, architecture, variant, env, labels, diff ids) and its manifest. */
    public static Built image(Format format, ImagePlatform platform, List<Layer> layers, List<String> env,
                              Map<String, String> labels) {
        boolean docker = format == Format.DOCKER;
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("architecture", platform.architecture());
        if (platform.variant() != null) {
            config.put("variant", platform.variant());
        }
        config.put("os", platform.os());
        config.put("created", CREATED);
        Map<String, Object> runtime = new LinkedHashMap<>();
        runtime.put("Env", env);
        if (!labels.isEmpty()) {
            runtime.put("Labels", new TreeMap<>(labels));
        }
        config.put("config", runtime);
        config.put("rootfs", ordered("type", "layers", "diff_ids", layers.stream().map(Layer::diffId).toList()));
        config.put("history", layers.stream().map(l -> ordered("created", CREATED, "created_by", "synthetic")).toList());
        Blob configBlob = Blob.of(docker ? OciMediaTypes.DOCKER_CONFIG : OciMediaTypes.OCI_CONFIG, write(config));

        List<Blob> layerBlobs = layers.stream().map(l -> l.blobFor(docker)).toList();
        return manifest(docker ? OciMediaTypes.DOCKER_MANIFEST : OciMediaTypes.OCI_MANIFEST, configBlob, layerBlobs,
                Map.of());
    }

    /** A BuildKit-style attestation manifest (in-toto provenance) for {@code subject}. */
    public static Built attestation(Blob subject) {
        Blob config = Blob.of(OciMediaTypes.OCI_CONFIG,
                write(ordered("architecture", "unknown", "os", "unknown", "config", Map.of(),
                        "rootfs", ordered("type", "layers", "diff_ids", List.of()))));
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("_type", "https://in-toto.io/Statement/v0.1");
        statement.put("predicateType", "https://slsa.dev/provenance/v0.2");
        statement.put("subject", List.of(ordered("name", "synthetic", "digest",
                ordered("sha256", subject.digest().substring("sha256:".length())))));
        statement.put("predicate", ordered("builder", ordered("id", "image-census synthetic")));
        Blob provenance = Blob.of(OciMediaTypes.IN_TOTO, write(statement));
        return manifest(OciMediaTypes.OCI_MANIFEST, config, List.of(provenance),
                Map.of("in-toto.io/predicate-type", "https://slsa.dev/provenance/v0.2"));
    }

    /** An OCI index or a Docker manifest list over pushed manifests. */
    public static Blob index(Format format, List<IndexEntry> entries) {
        String mediaType = format == Format.DOCKER ? OciMediaTypes.DOCKER_LIST : OciMediaTypes.OCI_INDEX;
        List<Map<String, Object>> manifests = new ArrayList<>();
        for (IndexEntry e : entries) {
            Map<String, Object> d = descriptor(e.manifest());
            Map<String, Object> platform = new LinkedHashMap<>();
            platform.put("architecture", e.platform().architecture());
            platform.put("os", e.platform().os());
            if (e.platform().variant() != null) {
                platform.put("variant", e.platform().variant());
            }
            d.put("platform", platform);
            if (!e.annotations().isEmpty()) {
                d.put("annotations", new TreeMap<>(e.annotations()));
            }
            manifests.add(d);
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", mediaType);
        index.put("manifests", manifests);
        return Blob.of(mediaType, write(index));
    }

    private static Built manifest(String mediaType, Blob config, List<Blob> layers, Map<String, String> layerAnnotations) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", mediaType);
        manifest.put("config", descriptor(config));
        manifest.put("layers", layers.stream().map(l -> {
            Map<String, Object> d = descriptor(l);
            if (!layerAnnotations.isEmpty()) {
                d.put("annotations", new TreeMap<>(layerAnnotations));
            }
            return d;
        }).toList());
        List<Blob> blobs = new ArrayList<>();
        blobs.add(config);
        blobs.addAll(layers);
        return new Built(Blob.of(mediaType, write(manifest)), blobs);
    }

    private static Map<String, Object> descriptor(Blob blob) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mediaType", blob.mediaType());
        d.put("digest", blob.digest());
        d.put("size", blob.size());
        return d;
    }

    // Map.of iterates in a per-JVM random order: JSON objects must be built in a fixed order.
    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and lists always serialise", e);
        }
    }
}
