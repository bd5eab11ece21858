package dev.imagecensus.enricher.registry;

/**
 * A token bucket: {@code burst} tokens, refilled at {@code ratePerSecond}. {@link #reserve(long)} takes a
 * token now or reserves a future one and says how long to wait for it, so waiting callers queue fairly.
 * Pure given the clock value passed in; thread-safe.
 */
final class TokenBucket {

    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long last;

    TokenBucket(double ratePerSecond, int burst, long nowNanos) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = nowNanos;
    }

    /** Takes one token; returns the nanoseconds to wait before using it (0 when available now). */
    synchronized long reserve(long nowNanos) {
        if (nowNanos > last) {
            tokens = Math.min(burst, tokens + (nowNanos - last) * ratePerNano);
            last = nowNanos;
        }
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / ratePerNano);
    }
}
