package dev.imagecensus.watcher.inventory;

import java.util.Objects;

/** One event to publish: what happened and the container's state (its last known state for DELETED). */
public record Change(ChangeType type, ContainerRecord record) {

    public Change {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(record, "record");
    }
}
