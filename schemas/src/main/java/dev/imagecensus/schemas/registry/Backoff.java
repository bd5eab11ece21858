package dev.imagecensus.schemas.registry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Capped exponential backoff with equal jitter, honouring a server's {@code Retry-After} up to the cap.
 *
 * @param initial the delay before the first retry, before jitter
 * @param max     the cap for any delay, including {@code Retry-After}
 */
record Backoff(Duration initial, Duration max) {

    /**
     * @param retry       0 for the first retry
     * @param retryAfter  what the server asked for, if anything
     * @param random      uniform in [0, 1): the jitter
     */
    Duration delay(int retry, Optional<Duration> retryAfter, double random) {
        long cap = max.toMillis();
        long exponential = Math.min(cap, initial.toMillis() << Math.min(retry, 30));
        long half = exponential / 2;
        long jittered = half + (long) (random * (exponential - half));
        long asked = retryAfter.map(d -> Math.min(cap, d.toMillis())).orElse(0L);
        return Duration.ofMillis(Math.max(jittered, asked));
    }

    /** A {@code Retry-After} header: delta seconds or an HTTP date; empty when absent or unreadable. */
    static Optional<Duration> parseRetryAfter(Optional<String> header, Instant now) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
