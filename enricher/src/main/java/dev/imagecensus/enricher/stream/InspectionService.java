package dev.imagecensus.enricher.stream;

import dev.imagecensus.enricher.inspect.ImageInspector;
import dev.imagecensus.enricher.inspect.ImageInspector.Resolution;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.ImageClassification;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
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
    private final Clock clock;

    public InspectionService(ImageInspector inspector, int threads, int maxInFlight, Clock clock) {
        if (threads < 1 || maxInFlight < threads) {
            throw new IllegalArgumentException("need threads >= 1 and maxInFlight >= threads, got " + threads + "/" + maxInFlight);
        }
        this.inspector = inspector;
        this.maxInFlight = maxInFlight;
        this.clock = clock;
        this.executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "enricher-inspection");
            thread.setDaemon(true);
            return thread;
        });
    }

    public boolean hasCapacity() {
        return inFlight.get() < maxInFlight;
    }

    public int inFlight() {
        return inFlight.get();
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
        return ImageClassification.newBuilder()
                .setImage(reference)
                .setExistence(Existence.UNKNOWN_ERROR)
                .setExistenceCheckedAt(clock.instant())
                .setError(describe(e))
                .setClassifiedAt(clock.instant())
                .build();
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
