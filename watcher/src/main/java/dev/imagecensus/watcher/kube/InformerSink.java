package dev.imagecensus.watcher.kube;

/**
 * Where a {@link ListWatcher} delivers objects. Every call may block (a bounded hand-over queue): that is the
 * back-pressure that keeps memory bounded while Kafka is slow or down.
 */
public interface InformerSink<T> {

    /** A (re)list begins: everything not upserted before {@link #listCompleted} is gone. */
    void listStarted() throws InterruptedException;

    /** An object listed, added or modified. */
    void upsert(T object) throws InterruptedException;

    /** An object deleted, in its last state. */
    void delete(T object) throws InterruptedException;

    /** The (re)list is complete; the watch continues from {@code resourceVersion}. */
    void listCompleted(String resourceVersion) throws InterruptedException;
}
