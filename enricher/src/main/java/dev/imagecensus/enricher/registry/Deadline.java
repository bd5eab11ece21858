package dev.imagecensus.enricher.registry;

import java.time.Duration;

/** A point in (monotonic) time by which work must be done: the time budget of one image inspection. */
public final class Deadline {

    private static final Duration MIN = Duration.ofMillis(1);
    private static final Deadline NONE = new Deadline(Long.MAX_VALUE);

    private final long nanos;

    private Deadline(long nanos) {
        this.nanos = nanos;
    }

    public static Deadline after(Duration budget) {
        long now = System.nanoTime();
        long budgetNanos = budget.toNanos();
        return new Deadline(Long.MAX_VALUE - now < budgetNanos ? Long.MAX_VALUE : now + budgetNanos);
    }

    /** No deadline. */
    public static Deadline none() {
        return NONE;
    }

    public boolean expired() {
        return this != NONE && System.nanoTime() - nanos >= 0;
    }

    /** Time left, never negative; very large for {@link #none()}. */
    public Duration remaining() {
        if (this == NONE) {
            return Duration.ofDays(365);
        }
        return Duration.ofNanos(Math.max(0, nanos - System.nanoTime()));
    }

    /** The smaller of {@code limit} and the time left, but at least 1 ms (HTTP timeouts must be positive). */
    public Duration cap(Duration limit) {
        Duration remaining = remaining();
        Duration capped = remaining.compareTo(limit) < 0 ? remaining : limit;
        return capped.compareTo(MIN) < 0 ? MIN : capped;
    }
}
