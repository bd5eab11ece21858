package dev.imagecensus.enricher.registry;

import java.util.Map;
import java.util.Objects;

/**
 * A content descriptor from a manifest or index: what a blob or manifest is, where (by digest), how big.
 *
 * @param platform    the index entry's platform, null elsewhere
 * @param annotations empty when none
 */
public record Descriptor(String mediaType, String digest, long size, Platform platform, Map<String, String> annotations) {

    /** The annotation BuildKit puts on an attestation manifest's index entry. */
    public static final String REFERENCE_TYPE = "vnd.docker.reference.type";
    public static final String ATTESTATION_MANIFEST = "attestation-manifest";

    public Descriptor {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(digest, "digest");
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    /** True for an attestation manifest (by annotation, or an unknown/unknown platform). */
    public boolean isAttestation() {
        return ATTESTATION_MANIFEST.equals(annotations.get(REFERENCE_TYPE)) || (platform != null && platform.isUnknown());
    }
}
