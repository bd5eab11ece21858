package dev.imagecensus.enricher.stream;

import dev.imagecensus.enricher.inspect.ImageInspector;
import dev.imagecensus.enricher.inspect.ImageInspector.Resolution;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.ImageClassification;
import dev.imagecensus.enricher.inspect.Classifications;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.streams.processor.TaskId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded executor registry calls run on, so a slow registry never stalls a stream thread. Capacity is
 * bounded by {@code maxInFlight}: callers check {@link #hasCapacity()} and keep the rest in their pending store.
 * A failing inspector never loses a reference: the failure becomes an UNKNOWN_ERROR outcome.
 */
public final class InspectionService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InspectionService.class);

    private final ImageInspector inspector;
    private final ExecutorService executor;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<TaskId, Long> pending = new ConcurrentHashMap<>();
    private final AtomicLong lastRecheckTick;
    private final AtomicLong completedRechecks = new AtomicLong();
    private final Clock clock;

    public InspectionService(ImageInspector inspector, int threads, int maxInFlight, Clock clock) {
        if (threads < 1 || maxInFlight < threads) {
            throw new IllegalArgumentException("need threads >= 1 and maxInFlight >= threads, got " + threads + "/" + maxInFlight);
        }
        this.inspector = inspector;
        this.maxInFlight = maxInFlight;
        this.clock = clock;
        this.lastRecheckTick = new AtomicLong(clock.millis());
        this.executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "enricher-inspection");
            thread.setDaemon(true);
            return thread;
        });
    }

    public boolean hasCapacity() {
        return inFlight.get() < maxInFlight;
    }

    /** Registry calls queued on or running in the executor. */
    public int inFlight() {
        return inFlight.get();
    }

    /** References recorded in the pending stores of this instance's tasks: waiting for, or in, a registry call. */
    public long pending() {
        return pending.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Re-check rounds completed: one per re-check interval during which the re-check scans kept running, like the
     * existence exporter's {@code completed_rechecks_total} ("increments every --check-interval").
     */
    public long completedRechecks() {
        return completedRechecks.get();
    }

    void reportPending(TaskId task, long count) {
        if (count <= 0) {
            pending.remove(task);
        } else {
            pending.put(task, count);
        }
    }

    /** A task finished a re-check scan at {@code now}; counts a completed round once per {@code interval}. */
    void recheckScanned(Instant now, Duration interval) {
        long last = lastRecheckTick.get();
        if (now.toEpochMilli() - last >= interval.toMillis() && lastRecheckTick.compareAndSet(last, now.toEpochMilli())) {
            completedRechecks.incrementAndGet();
        }
    }

    void resolve(String reference, Consumer<Outcome> callback) {
        submit(reference, callback, () -> new Outcome.Resolved(reference, inspector.resolve(reference)),
                e -> new Outcome.Resolved(reference, new Resolution(Existence.UNKNOWN_ERROR, null, describe(e), clock.instant())));
    }

    void inspect(String reference, Consumer<Outcome> callback) {
        submit(reference, callback, () -> new Outcome.Inspected(reference, inspector.inspect(reference)),
                e -> new Outcome.Inspected(reference, failed(reference, e)));
    }

    private void submit(String reference, Consumer<Outcome> callback, java.util.function.Supplier<Outcome> call,
                        java.util.function.Function<RuntimeException, Outcome> onFailure) {
        inFlight.incrementAndGet();
        executor.execute(() -> {
            Outcome outcome;
            try {
                outcome = call.get();
            } catch (RuntimeException e) {
                log.warn("Inspection of {} failed", reference, e);
                outcome = onFailure.apply(e);
            } finally {
                inFlight.decrementAndGet();
            }
            callback.accept(outcome);
        });
    }

    private ImageClassification failed(String reference, RuntimeException e) {
        return Classifications.notInspected(reference, Existence.UNKNOWN_ERROR, describe(e), clock.instant());
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
