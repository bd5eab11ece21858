package dev.imagecensus.watcher.model;

import java.util.Objects;

/**
 * One container of a pod with its status merged in.
 *
 * @param name    unique within the pod across app, init and ephemeral containers
 * @param image   the reference exactly as written in the spec (may be invalid)
 * @param kind    where it sits in the spec
 * @param imageId {@code status.*ContainerStatuses[].imageID}; null until the runtime reports one
 */
public record ContainerSpec(String name, String image, ContainerKind kind, String imageId) {

    public ContainerSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(kind, "kind");
    }
}
