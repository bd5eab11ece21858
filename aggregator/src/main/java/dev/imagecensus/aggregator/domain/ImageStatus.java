package dev.imagecensus.aggregator.domain;

import java.util.Objects;

/**
 * What a container's FIPS roll-up needs of its image's classification: existence and FIPS, nothing else.
 *
 * @param existence AVAILABLE, ABSENT, ... (the enricher's seven states)
 */
public record ImageStatus(String existence, Fips fips) {

    public ImageStatus {
        fips = fips == null ? Fips.UNKNOWN : fips;
    }

    public static ImageStatus of(Classification classification) {
        Objects.requireNonNull(classification, "classification");
        return new ImageStatus(classification.existence(), classification.fips());
    }
}
