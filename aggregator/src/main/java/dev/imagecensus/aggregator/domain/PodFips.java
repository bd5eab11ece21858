package dev.imagecensus.aggregator.domain;

/**
 * A pod's FIPS roll-up. ENABLED: at least one container's image is FIPS ENFORCED or CAPABLE (the seed's
 * {@code workload_fips_enabled} rule). UNKNOWN: none is, but some container's image is not classified yet or
 * could not be inspected, so the answer may still change. DISABLED: every image is classified and none qualifies.
 */
public enum PodFips {
    ENABLED, UNKNOWN, DISABLED
}
