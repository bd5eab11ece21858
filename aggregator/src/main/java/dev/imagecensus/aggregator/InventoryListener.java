package dev.imagecensus.aggregator;

import dev.imagecensus.aggregator.domain.AuditEntry;
import dev.imagecensus.aggregator.domain.ImageState;
import dev.imagecensus.aggregator.domain.PodState;
import dev.imagecensus.aggregator.domain.WorkloadState;

/**
 * Receives every change of the aggregator's state tables, so metrics can be precomputed as changes happen and a
 * scrape never walks a store. Each call gives the key, the value this listener was last told for it ({@code old},
 * null if none) and the new one ({@code now}, null when the key is gone).
 *
 * <p>Contract: calls come from stream threads, possibly several at once for different keys (implementations must
 * be thread-safe) and must be quick and must not throw (an exception is logged and swallowed). When a task starts
 * after restoring its stores (start-up, rebalance), every entry it holds is reported as {@code (null, value)};
 * when a task closes (shutdown, partitions moving to another instance), every entry it reported is retracted as
 * {@code (value, null)}, so series disappear from an instance that no longer owns them.
 */
public interface InventoryListener {

    /** Listens to nothing; the topology then wires no dispatch at all. */
    InventoryListener NONE = new InventoryListener() {
    };

    /** An image in use: its usage and classification ({@code image-state}); key canonical reference. */
    default void onImageState(String image, ImageState old, ImageState now) {
    }

    /** A pod's containers and FIPS roll-up ({@code pod-state}); key {@code cluster/namespace/pod}. */
    default void onPodState(String pod, PodState old, PodState now) {
    }

    /** A workload's pods and images ({@code workload-state}); key {@code cluster/namespace/ownerKind/ownerName}. */
    default void onWorkloadState(String workload, WorkloadState old, WorkloadState now) {
    }

    /** Containers per invalid image reference ({@code invalid-references}); key the reference as written. */
    default void onInvalidReference(String image, Integer old, Integer now) {
    }

    /**
     * An ENTERED or LEFT transition, as written to {@code image-audit}. Called when it is produced: if the
     * transaction then aborts, the reprocessed record reports it again (the topic itself gets it exactly once).
     */
    default void onAudit(AuditEntry entry) {
    }
}
