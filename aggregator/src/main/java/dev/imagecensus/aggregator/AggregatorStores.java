package dev.imagecensus.aggregator;

/**
 * The aggregator's queryable state stores (interactive queries), all key-value stores with String keys and
 * timestamped values of the {@code dev.imagecensus.aggregator.domain} records named below. A reader should
 * prefer {@link InventoryListener} for anything computed on every scrape; these are for lookups and listings.
 */
public final class AggregatorStores {

    /** {@code cluster/podUid/container} → {@code LiveContainer}: every live container (DELETED removes it). */
    public static final String LIVE_CONTAINERS = "live-containers";
    /** Canonical reference → {@code Classification}: the latest classification of every image ever classified. */
    public static final String CLASSIFICATIONS = "image-classifications";
    /** Canonical reference → {@code ImageUsage}: images in use (containers, per-namespace and per-digest counts). */
    public static final String IMAGE_USAGE = "image-usage";
    /** Canonical reference → {@code ImageState}: usage ⋈ classification, for images in use. */
    public static final String IMAGE_STATE = "image-state";
    /** Canonical reference → {@code AuditMark}: images whose ENTERED was emitted and no LEFT yet. */
    public static final String AUDIT_STATE = "image-audit-state";
    /** Reference as written → container count ({@code Integer}): live containers whose image reference is invalid. */
    public static final String INVALID_REFERENCES = "invalid-references";
    /**
     * {@code cluster/namespace/pod} → {@code PodState}: containers per pod and the pod's FIPS roll-up. Partitioned by
     * namespace, not by its key (so listings work, lookups by key do not); named for that, so a state directory or
     * changelog of the earlier per-pod partitioning is never restored into it.
     */
    public static final String POD_STATE = "pod-state-by-namespace";
    /** {@code cluster/namespace/ownerKind/ownerName} → {@code WorkloadState}: pods and images per workload; by namespace too. */
    public static final String WORKLOAD_STATE = "workload-state-by-namespace";

    private AggregatorStores() {
    }
}
