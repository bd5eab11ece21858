package dev.imagecensus.enricher.stream;

import dev.imagecensus.enricher.inspect.ImageInspector;
import dev.imagecensus.schemas.avro.ImageClassification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Passes every call to the real inspector, counting calls per reference; when {@link #hold()} is on, calls
 * announce themselves and wait for {@link #release()} first, so a test can look at the state mid-call.
 */
final class CountingInspector implements ImageInspector {

    private final ImageInspector real;
    private final Map<String, AtomicInteger> resolves = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inspections = new ConcurrentHashMap<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final CountDownLatch entered = new CountDownLatch(1);

    CountingInspector(ImageInspector real) {
        this.real = real;
    }

    /** From now on, calls wait until {@link #release()}. */
    CountingInspector hold() {
        gate = new CountDownLatch(1);
        return this;
    }

    void release() {
        gate.countDown();
    }

    /** Waits until a call has started (bounded). */
    boolean awaitCall() throws InterruptedException {
        return entered.await(20, TimeUnit.SECONDS);
    }

    int resolves(String reference) {
        AtomicInteger n = resolves.get(reference);
        return n == null ? 0 : n.get();
    }

    int inspections(String reference) {
        AtomicInteger n = inspections.get(reference);
        return n == null ? 0 : n.get();
    }

    int totalCalls() {
        return resolves.values().stream().mapToInt(AtomicInteger::get).sum()
                + inspections.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public Resolution resolve(String reference) {
        resolves.computeIfAbsent(reference, k -> new AtomicInteger()).incrementAndGet();
        pass();
        return real.resolve(reference);
    }

    @Override
    public ImageClassification inspect(String reference) {
        inspections.computeIfAbsent(reference, k -> new AtomicInteger()).incrementAndGet();
        pass();
        return real.inspect(reference);
    }

    private void pass() {
        entered.countDown();
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("held call never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while held", e);
        }
    }
}
