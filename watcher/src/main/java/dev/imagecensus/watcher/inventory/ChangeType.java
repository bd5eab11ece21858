package dev.imagecensus.watcher.inventory;

/** What happened to a container; mirrors {@code ImageEventType}. */
public enum ChangeType {
    ADDED,
    UPDATED,
    DELETED
}
