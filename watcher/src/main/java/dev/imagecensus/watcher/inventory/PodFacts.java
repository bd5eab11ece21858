package dev.imagecensus.watcher.inventory;

import dev.imagecensus.watcher.model.OwnerRef;
import java.util.Objects;

/**
 * The pod-level part of a published container, shared by all containers of one pod evaluation.
 *
 * @param phase    never null: {@code Unknown} when the API sent none
 * @param nodeName null before scheduling
 * @param owner    the resolved top-level workload
 */
public record PodFacts(String uid, String namespace, String name, String phase, String nodeName,
                       String resourceVersion, OwnerRef owner) {

    /** The phase of a pod whose status has no phase, as in the Avro default. */
    public static final String UNKNOWN_PHASE = "Unknown";

    public PodFacts {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(owner, "owner");
    }

    public PodFacts withOwner(OwnerRef newOwner) {
        return new PodFacts(uid, namespace, name, phase, nodeName, resourceVersion, newOwner);
    }
}
