package dev.imagecensus.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1_000));

    @Test
    void shouldDoubleWithJitterWhenRetrying() {
        assertThat(backoff.delay(0, Optional.empty(), 0.0)).isEqualTo(Duration.ofMillis(50));
        assertThat(backoff.delay(0, Optional.empty(), 0.999)).isBetween(Duration.ofMillis(99), Duration.ofMillis(100));
        assertThat(backoff.delay(2, Optional.empty(), 0.0)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void shouldCapWhenRetriesAreMany() {
        assertThat(backoff.delay(40, Optional.empty(), 0.999)).isLessThanOrEqualTo(Duration.ofMillis(1_000));
    }

    @Test
    void shouldHonourRetryAfterUpToTheCapWhenServerAsks() {
        assertThat(backoff.delay(0, Optional.of(Duration.ofMillis(700)), 0.0)).isEqualTo(Duration.ofMillis(700));
        assertThat(backoff.delay(0, Optional.of(Duration.ofSeconds(60)), 0.0)).isEqualTo(Duration.ofMillis(1_000));
    }

    @Test
    void shouldParseRetryAfterWhenSecondsOrHttpDate() {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");

        assertThat(Backoff.parseRetryAfter(Optional.of("3"), now)).contains(Duration.ofSeconds(3));
        assertThat(Backoff.parseRetryAfter(Optional.of("Wed, 01 Jan 2025 00:00:05 GMT"), now)).contains(Duration.ofSeconds(5));
        assertThat(Backoff.parseRetryAfter(Optional.of("soon"), now)).isEmpty();
        assertThat(Backoff.parseRetryAfter(Optional.empty(), now)).isEmpty();
    }
}
