package dev.imagecensus.app.inventory;

import java.util.Objects;

/**
 * One container of the inventory as observed, before classification: from a pod listed once, or from a workload
 * of a running aggregator (which knows workloads and pod counts, not pod names).
 *
 * @param pod          the pod's name; null when only the workload is known
 * @param workloadKind the top-level workload: Deployment, StatefulSet, DaemonSet, CronJob, Job or Pod
 * @param image        the reference as written (one-shot) or canonical (aggregator); may be invalid
 * @param pods         how many pods run it (1 for a listed pod)
 * @param runningDigest the digest the runtime reported ({@code status.containerStatuses[].imageID}); null when unknown
 */
public record ContainerEntry(String namespace, String pod, String workloadKind, String workloadName, String container,
                             String image, int pods, String runningDigest) {

    /** An entry without a running digest. */
    public ContainerEntry(String namespace, String pod, String workloadKind, String workloadName, String container,
                          String image, int pods) {
        this(namespace, pod, workloadKind, workloadName, container, image, pods, null);
    }

    public ContainerEntry {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(workloadKind, "workloadKind");
        Objects.requireNonNull(workloadName, "workloadName");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(image, "image");
    }
}
