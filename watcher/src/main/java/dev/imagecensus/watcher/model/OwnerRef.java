package dev.imagecensus.watcher.model;

import java.util.Objects;

/** An owner reference ({@code metadata.ownerReferences[]}) or a resolved top-level workload: kind and name. */
public record OwnerRef(String kind, String name) {

    public OwnerRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }
}
