package dev.imagecensus.enricher.registry;

import java.time.Duration;

/**
 * Retries of 429, 5xx and I/O errors (401/403/404 are answers and never retried).
 *
 * @param maxAttempts   attempts in all, the first included
 * @param baseDelay     delay before the first retry, doubled each time
 * @param maxDelay      cap of the exponential delay
 * @param maxRetryAfter longest {@code Retry-After} honoured; a registry asking for longer is treated as unavailable
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /** One attempt, no retries. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }
}
