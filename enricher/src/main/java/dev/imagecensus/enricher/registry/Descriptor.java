package dev.imagecensus.enricher.registry;

import dev.imagecensus.enricher.classify.IndexEntry;
import dev.imagecensus.enricher.classify.PlatformSpec;
import java.util.Map;
import java.util.Objects;

/**
 * A content descriptor from a manifest or index: what a blob or manifest is, where (by digest), how big.
 *
 * @param platform    the index entry's platform, null elsewhere
 * @param annotations empty when none
 */
public record Descriptor(String mediaType, String digest, long size, PlatformSpec platform, Map<String, String> annotations) {

    public Descriptor {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(digest, "digest");
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    /** This index entry as the platform chooser sees it (attestation detection and platform rules live there). */
    public IndexEntry asIndexEntry() {
        return new IndexEntry(digest, mediaType, platform, annotations);
    }
}
