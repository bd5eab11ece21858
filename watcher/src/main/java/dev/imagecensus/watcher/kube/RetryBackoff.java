package dev.imagecensus.watcher.kube;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Capped exponential backoff with equal jitter, honouring {@code Retry-After} up to the cap. Not thread-safe. */
final class RetryBackoff {

    private final Duration initial;
    private final Duration max;
    private int attempt;

    RetryBackoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    Duration next(Optional<Duration> retryAfter) {
        long cap = max.toMillis();
        long exponential = Math.min(cap, initial.toMillis() << Math.min(attempt++, 30));
        long half = exponential / 2;
        long jittered = half + (long) (ThreadLocalRandom.current().nextDouble() * (exponential - half));
        return Duration.ofMillis(Math.max(jittered, retryAfter.map(d -> Math.min(cap, d.toMillis())).orElse(0L)));
    }

    void reset() {
        attempt = 0;
    }
}
