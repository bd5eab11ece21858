package dev.imagecensus.enricher.registry;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Delay before a retry: the registry's {@code Retry-After} when it sent one, else capped exponential backoff
 * with "equal jitter" (half fixed, half random) so many clients do not retry in lockstep. Pure given its
 * random source.
 */
final class Backoff {

    private final RetryPolicy policy;
    private final DoubleSupplier random;

    Backoff(RetryPolicy policy, DoubleSupplier random) {
        this.policy = policy;
        this.random = random;
    }

    /**
     * @param retry      1 for the first retry
     * @param retryAfter the registry's wish, or null
     */
    Duration delay(int retry, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter;
        }
        long base = policy.baseDelay().toMillis();
        long exponential = base << Math.min(20, Math.max(0, retry - 1));
        long capped = Math.min(policy.maxDelay().toMillis(), exponential < 0 ? Long.MAX_VALUE : exponential);
        return Duration.ofMillis(capped / 2 + (long) (random.getAsDouble() * (capped - capped / 2)));
    }

    /** True when the registry's {@code Retry-After} is longer than we are willing to wait. */
    boolean tooLong(Duration retryAfter) {
        return retryAfter != null && retryAfter.compareTo(policy.maxRetryAfter()) > 0;
    }
}
