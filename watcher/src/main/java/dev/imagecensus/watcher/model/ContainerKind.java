package dev.imagecensus.watcher.model;

/** Where a container sits in its pod spec; mirrors the {@code ContainerType} of {@code ImageEvent}. */
public enum ContainerKind {
    /** {@code spec.containers[]}. */
    APP,
    /** {@code spec.initContainers[]} that run to completion. */
    INIT,
    /** {@code spec.initContainers[]} with {@code restartPolicy: Always} (native sidecars). */
    SIDECAR,
    /** {@code spec.ephemeralContainers[]} (kubectl debug). */
    EPHEMERAL
}
