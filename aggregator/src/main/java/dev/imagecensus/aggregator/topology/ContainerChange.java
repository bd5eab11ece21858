package dev.imagecensus.aggregator.topology;

import dev.imagecensus.aggregator.domain.Keys;
import dev.imagecensus.aggregator.domain.LiveContainer;

/**
 * One live container on its way to the per-namespace FIPS roll-up: its identity, and its value now ({@code now}),
 * null when it is gone. The identity travels with a removal because the table's tombstone carries only the
 * container key, and it names the pod instance ({@code podUid}) so that a pod recreated under the same name (a
 * StatefulSet's {@code web-0}) is never emptied by the late removal of its predecessor.
 */
record ContainerChange(String cluster, String namespace, String pod, String podUid, String container,
                       LiveContainer now) {

    /** The change that adds or replaces {@code value}. */
    static ContainerChange of(LiveContainer value) {
        return new ContainerChange(value.cluster(), value.namespace(), value.pod(), value.podUid(), value.container(),
                value);
    }

    /** The same container, gone. */
    ContainerChange removal() {
        return now == null ? this : new ContainerChange(cluster, namespace, pod, podUid, container, null);
    }

    /** {@code cluster/namespace/pod}. */
    String podKey() {
        return Keys.pod(cluster, namespace, pod);
    }

    /** {@code cluster/namespace}: what the roll-up is partitioned by. */
    String namespaceKey() {
        return cluster + "/" + namespace;
    }
}
