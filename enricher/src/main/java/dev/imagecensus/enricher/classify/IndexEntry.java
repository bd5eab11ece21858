package dev.imagecensus.enricher.classify;

import java.util.Map;
import java.util.Objects;

/**
 * One manifest descriptor of an OCI image index or Docker manifest list.
 *
 * @param digest      the manifest digest
 * @param mediaType   the manifest media type
 * @param platform    its platform, null when the descriptor has none
 * @param annotations its annotations ({@code vnd.docker.reference.type}, ...)
 */
public record IndexEntry(String digest, String mediaType, PlatformSpec platform, Map<String, String> annotations) {

    /** Docker buildx's annotation naming what an attestation manifest is. */
    public static final String REFERENCE_TYPE = "vnd.docker.reference.type";

    public IndexEntry {
        Objects.requireNonNull(digest, "digest");
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    /** True for buildx attestation manifests (provenance, SBOM): not a runnable image. */
    public boolean isAttestation() {
        boolean unknownPlatform = platform != null && platform.os().equals("unknown")
                && platform.architecture().equals("unknown");
        return "attestation-manifest".equals(annotations.get(REFERENCE_TYPE)) || unknownPlatform;
    }
}
