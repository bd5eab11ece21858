package dev.imagecensus.aggregator.domain;

import java.util.Objects;

/**
 * One container that currently exists, as the last non-DELETED image event described it.
 *
 * @param imageRef   canonical reference, null when the written {@code image} is not a valid reference
 * @param digest     running digest ({@code sha256:…}) once the runtime reported it, else null
 * @param observedAt when the watcher last saw this container change (epoch millis)
 */
public record LiveContainer(String cluster, String namespace, String pod, String podUid, String container,
                            String containerType, String image, String imageRef, String digest, String phase,
                            String ownerKind, String ownerName, long observedAt) {

    public LiveContainer {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(image, "image");
    }

    /** Whether the image reference is valid, so the container counts towards an image. */
    public boolean validReference() {
        return imageRef != null;
    }

    /** Key of this container's pod: {@code cluster/namespace/pod}. */
    public String podKey() {
        return Keys.pod(cluster, namespace, pod);
    }

    /** Key of this container's top-level workload: {@code cluster/namespace/ownerKind/ownerName}. */
    public String workloadKey() {
        return Keys.workload(cluster, namespace, ownerKind, ownerName);
    }

    /** The reference to show and group by: canonical when valid, as written otherwise. */
    public String displayImage() {
        return imageRef != null ? imageRef : image;
    }
}
