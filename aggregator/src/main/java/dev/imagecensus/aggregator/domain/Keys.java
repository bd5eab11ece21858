package dev.imagecensus.aggregator.domain;

/**
 * Keys of the aggregator's tables. Kubernetes names cannot contain {@code /}, so the parts never collide.
 * Pods are keyed by name, not uid: a StatefulSet pod recreated under the same name is the same pod to a reader.
 */
public final class Keys {

    private Keys() {
    }

    /** {@code cluster/namespace/pod}. */
    public static String pod(String cluster, String namespace, String pod) {
        return cluster + "/" + namespace + "/" + pod;
    }

    /** {@code cluster/namespace/ownerKind/ownerName}. */
    public static String workload(String cluster, String namespace, String ownerKind, String ownerName) {
        return cluster + "/" + namespace + "/" + ownerKind + "/" + ownerName;
    }
}
