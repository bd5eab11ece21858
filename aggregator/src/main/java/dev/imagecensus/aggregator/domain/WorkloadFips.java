package dev.imagecensus.aggregator.domain;

/**
 * A workload's FIPS roll-up over its pods ({@link PodFips}): ENABLED when every pod is, PARTIAL when some are,
 * UNKNOWN when none is but some pod's answer is still unknown, DISABLED when no pod is.
 */
public enum WorkloadFips {
    ENABLED, PARTIAL, UNKNOWN, DISABLED
}
