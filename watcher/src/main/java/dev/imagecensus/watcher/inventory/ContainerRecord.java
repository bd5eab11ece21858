package dev.imagecensus.watcher.inventory;

import dev.imagecensus.watcher.model.ContainerKind;
import java.util.Objects;

/**
 * One container as published on {@code image-events} (minus derived fields: canonical reference, validity and
 * digest are computed from {@code image} and {@code imageId} when an event is written).
 *
 * @param imageId the runtime's {@code imageID}; null until known
 */
public record ContainerRecord(PodFacts pod, String name, ContainerKind kind, String image, String imageId) {

    public ContainerRecord {
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(image, "image");
    }

    /**
     * Whether {@code other} says the same thing to consumers: same image, running digest, kind, phase and owner.
     * Node and resourceVersion alone never make an UPDATED (they change on every status write).
     */
    public boolean sameSubstance(ContainerRecord other) {
        return name.equals(other.name)
                && kind == other.kind
                && image.equals(other.image)
                && Objects.equals(imageId, other.imageId)
                && pod.phase().equals(other.pod.phase())
                && pod.owner().equals(other.pod.owner());
    }

    public ContainerRecord withPod(PodFacts newPod) {
        return new ContainerRecord(newPod, name, kind, image, imageId);
    }
}
