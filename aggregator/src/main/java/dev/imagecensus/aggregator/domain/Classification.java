package dev.imagecensus.aggregator.domain;

import java.util.Objects;

/**
 * What the aggregator keeps of an image's classification: the fields inventory rows, metrics and the API show.
 *
 * @param existence      AVAILABLE, ABSENT, ... (the enricher's seven states)
 * @param manifestDigest digest the reference resolved to in its registry, null if unknown
 * @param fipsEvidence   evidence summary, strongest first, null if none
 */
public record Classification(String image, String existence, long existenceCheckedAt, String manifestDigest,
                             String os, String architecture, String distroStatus, String distroId,
                             String distroVersion, String distroName, Fips fips, String fipsEvidence,
                             boolean partial, long classifiedAt) {

    public Classification {
        Objects.requireNonNull(image, "image");
        fips = fips == null ? Fips.UNKNOWN : fips;
    }

    /** Whether the image can be pulled from its registry. */
    public boolean available() {
        return "AVAILABLE".equals(existence);
    }
}
