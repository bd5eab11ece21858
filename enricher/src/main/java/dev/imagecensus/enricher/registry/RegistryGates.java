package dev.imagecensus.enricher.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-registry politeness: a concurrency cap (semaphore), a token bucket, and a pause every caller honours after
 * the registry answered 429 with {@code Retry-After}. One instance per client.
 */
final class RegistryGates {

    /** A held slot; closing it releases the slot (exactly once). */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private record Gate(Semaphore slots, TokenBucket bucket, AtomicLong pausedUntil) {
    }

    private final Politeness politeness;
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    RegistryGates(Politeness politeness) {
        this.politeness = politeness;
    }

    /** Waits for a slot and a token within the deadline; null when the deadline passed first. */
    Permit acquire(String registry, Deadline deadline) throws InterruptedException {
        Gate gate = gate(registry);
        long pause = gate.pausedUntil().get() - System.nanoTime();
        if (pause > 0) {
            if (pause > deadline.remaining().toNanos()) {
                return null;
            }
            TimeUnit.NANOSECONDS.sleep(pause);
        }
        if (!gate.slots().tryAcquire(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS)) {
            return null;
        }
        long wait = gate.bucket().reserve(System.nanoTime());
        if (wait > deadline.remaining().toNanos()) {
            gate.slots().release();
            return null;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(wait);
        } catch (InterruptedException e) {
            gate.slots().release();
            throw e;
        }
        Semaphore slots = gate.slots();
        return new Permit() {
            private boolean released;

            @Override
            public synchronized void close() {
                if (!released) {
                    released = true;
                    slots.release();
                }
            }
        };
    }

    /** Makes every caller of {@code registry} wait {@code nanos} from now (after a 429 with Retry-After). */
    void pause(String registry, long nanos) {
        long until = System.nanoTime() + nanos;
        gate(registry).pausedUntil().accumulateAndGet(until, (a, b) -> b - a > 0 ? b : a);
    }

    /** Slots currently free for {@code registry} (for tests). */
    int available(String registry) {
        return gate(registry).slots().availablePermits();
    }

    private Gate gate(String registry) {
        return gates.computeIfAbsent(registry, r -> new Gate(new Semaphore(politeness.maxConcurrent(), true),
                new TokenBucket(politeness.requestsPerSecond(), politeness.burst(), System.nanoTime()),
                new AtomicLong(System.nanoTime())));
    }
}
