package dev.imagecensus.watcher;

import dev.imagecensus.watcher.inventory.Signal;
import dev.imagecensus.watcher.kube.InformerSink;
import dev.imagecensus.watcher.model.ResourceType;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * The thin informer callback: maps each object to a {@link Signal} and puts it on the bounded hand-over queue,
 * blocking when the queue is full (back-pressure up to the watch stream).
 */
final class SignalSink<T> implements InformerSink<T> {

    /** A signal and when it was received, for the lag metric. */
    record Envelope(Signal signal, long receivedNanos) {
    }

    private final ResourceType type;
    private final BlockingQueue<Envelope> queue;
    private final Function<T, Signal> upsert;
    private final Function<T, Signal> delete;
    private final Runnable afterListCompleted;

    SignalSink(ResourceType type, BlockingQueue<Envelope> queue, Function<T, Signal> upsert, Function<T, Signal> delete,
               Runnable afterListCompleted) {
        this.type = type;
        this.queue = queue;
        this.upsert = upsert;
        this.delete = delete;
        this.afterListCompleted = afterListCompleted;
    }

    @Override
    public void listStarted() throws InterruptedException {
        put(new Signal.ListStarted(type));
    }

    @Override
    public void upsert(T object) throws InterruptedException {
        put(upsert.apply(object));
    }

    @Override
    public void delete(T object) throws InterruptedException {
        put(delete.apply(object));
    }

    @Override
    public void listCompleted(String resourceVersion) throws InterruptedException {
        put(new Signal.ListCompleted(type, resourceVersion));
        afterListCompleted.run();
    }

    private void put(Signal signal) throws InterruptedException {
        queue.put(new Envelope(signal, System.nanoTime()));
    }
}
