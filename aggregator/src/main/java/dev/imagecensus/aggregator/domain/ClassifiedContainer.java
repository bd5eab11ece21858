package dev.imagecensus.aggregator.domain;

import java.util.Objects;

/**
 * A live container with what its image's classification says about FIPS and availability.
 *
 * @param existence the image's existence state, null while unclassified
 */
public record ClassifiedContainer(LiveContainer container, boolean classified, String existence, Fips fips) {

    public ClassifiedContainer {
        Objects.requireNonNull(container, "container");
        fips = fips == null ? Fips.UNKNOWN : fips;
    }

    /** {@code status} is null when the image is not classified or the reference is invalid. */
    public static ClassifiedContainer of(LiveContainer container, ImageStatus status) {
        return status == null
                ? new ClassifiedContainer(container, false, null, Fips.UNKNOWN)
                : new ClassifiedContainer(container, true, status.existence(), status.fips());
    }

    /** FIPS as the pod roll-up sees it: unclassified containers are UNKNOWN. */
    public Fips effectiveFips() {
        return classified ? fips : Fips.UNKNOWN;
    }
}
