package dev.imagecensus.watcher.model;

import java.util.List;
import java.util.Objects;

/**
 * What the watcher keeps of a pod: identity, phase, node, its controlling owner and its containers.
 *
 * @param phase      {@code status.phase}; null when the API sent none
 * @param nodeName   {@code spec.nodeName}; null before scheduling
 * @param controller the controlling owner reference (or the first one); null for a bare pod
 */
public record PodView(String uid, String namespace, String name, String resourceVersion, String phase,
                      String nodeName, OwnerRef controller, List<ContainerSpec> containers) {

    public PodView {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        containers = List.copyOf(containers);
    }
}
