package dev.imagecensus.watcher.model;

import java.util.Objects;

/**
 * A ReplicaSet or Job, kept only to climb from a pod to its top-level workload.
 *
 * @param controller its controlling owner (a Deployment, a CronJob, ...); null when it has none
 */
public record WorkloadView(ResourceType type, String namespace, String name, String resourceVersion,
                           OwnerRef controller) {

    public WorkloadView {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }
}
