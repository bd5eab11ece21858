package dev.imagecensus.watcher;

import dev.imagecensus.watcher.http.WatcherMetrics;
import dev.imagecensus.watcher.inventory.Change;
import dev.imagecensus.watcher.inventory.EventLine;
import dev.imagecensus.watcher.inventory.InventoryController;
import dev.imagecensus.watcher.inventory.Signal;
import dev.imagecensus.watcher.kafka.EventPublisher;
import dev.imagecensus.watcher.model.ResourceType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single thread that owns the {@link InventoryController}: takes signals from the hand-over queue, applies them,
 * and hands every resulting change to the publisher (blocking while Kafka cannot take it) and the event log.
 */
final class EventLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);

    private final BlockingQueue<SignalSink.Envelope> queue;
    private final InventoryController controller;
    private final EventPublisher publisher;
    private final Consumer<String> eventLog;
    private final WatcherMetrics metrics;
    private final Clock clock;
    private final Set<ResourceType> synced = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;
    private volatile Exception failure;

    EventLoop(BlockingQueue<SignalSink.Envelope> queue, InventoryController controller, EventPublisher publisher,
              Consumer<String> eventLog, WatcherMetrics metrics, Clock clock) {
        this.queue = queue;
        this.controller = controller;
        this.publisher = publisher;
        this.eventLog = eventLog;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                SignalSink.Envelope envelope = queue.poll(200, TimeUnit.MILLISECONDS);
                if (envelope != null) {
                    process(envelope);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("event loop stopped", e);
        }
    }

    void stop() {
        stopped = true;
    }

    /** Whether the first list of {@code type} has been fully published. */
    boolean synced(ResourceType type) {
        return synced.contains(type);
    }

    Exception failure() {
        return failure;
    }

    private void process(SignalSink.Envelope envelope) throws InterruptedException {
        Signal signal = envelope.signal();
        boolean resync = controller.listing(signal.type()) || signal instanceof Signal.ListCompleted;
        List<Change> changes = controller.apply(signal);
        Instant now = clock.instant();
        for (Change change : changes) {
            publisher.publish(change, now);
            eventLog.accept(EventLine.format(now, change));
            metrics.event(change.type(), resync);
        }
        metrics.lag(Duration.ofNanos(System.nanoTime() - envelope.receivedNanos()));
        if (signal instanceof Signal.ListCompleted completed && synced.add(completed.type())) {
            LOG.info("initial list of {} processed: {} containers in {} pods published, {} workloads known",
                    completed.type().plural(), controller.state().containerCount(), controller.state().podCount(),
                    controller.knownWorkloads());
        }
    }
}
