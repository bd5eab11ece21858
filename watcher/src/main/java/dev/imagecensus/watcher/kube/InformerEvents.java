package dev.imagecensus.watcher.kube;

import dev.imagecensus.watcher.model.ResourceType;
import java.time.Duration;

/** What a {@link ListWatcher} reports about itself, for logs, metrics and health. Called on its thread. */
public interface InformerEvents {

    /** A page of a list arrived; {@code itemsSoFar} counts the whole list. */
    default void listPage(ResourceType type, int page, long itemsSoFar) {
    }

    /** A list completed in {@code elapsed}; {@code relist} is false for the first one. */
    default void listed(ResourceType type, long items, Duration elapsed, boolean relist) {
    }

    /** The server ended a watch (timeout) and it is resumed from the last resourceVersion. */
    default void watchResumed(ResourceType type) {
    }

    /** The resourceVersion expired (410 Gone): a relist follows. */
    default void gone(ResourceType type) {
    }

    /** A transient failure; retried after a backoff. */
    default void retrying(ResourceType type, Exception cause) {
    }

    /** A permanent failure (401, 403, 404, ...): the loop stopped. */
    default void failed(ResourceType type, Exception cause) {
    }

    InformerEvents NONE = new InformerEvents() {
    };
}
