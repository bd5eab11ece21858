package dev.imagecensus.enricher.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void shouldGrowExponentiallyWithinJitterBoundsWhenRetrying() {
        Backoff low = new Backoff(policy, () -> 0.0);
        Backoff high = new Backoff(policy, () -> 0.999_999);

        assertThat(low.delay(1, null)).isEqualTo(Duration.ofMillis(50));
        assertThat(high.delay(1, null)).isBetween(Duration.ofMillis(99), Duration.ofMillis(100));
        assertThat(low.delay(3, null)).isEqualTo(Duration.ofMillis(200));
        assertThat(high.delay(3, null)).isBetween(Duration.ofMillis(399), Duration.ofMillis(400));
    }

    @Test
    void shouldCapDelayWhenManyRetries() {
        Backoff high = new Backoff(policy, () -> 0.999_999);

        assertThat(high.delay(10, null)).isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(high.delay(64, null)).isLessThanOrEqualTo(Duration.ofSeconds(1)).isPositive();
    }

    @Test
    void shouldHonourRetryAfterWhenRegistrySendsIt() {
        Backoff backoff = new Backoff(policy, () -> 0.5);

        assertThat(backoff.delay(1, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
        assertThat(backoff.tooLong(Duration.ofSeconds(30))).isFalse();
        assertThat(backoff.tooLong(Duration.ofSeconds(31))).isTrue();
        assertThat(backoff.tooLong(null)).isFalse();
    }

    @Test
    void shouldParseSecondsAndHttpDatesWhenReadingRetryAfter() {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");

        assertThat(RetryAfter.parse("3", now)).isEqualTo(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse(" 0 ", now)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("Wed, 01 Jan 2025 00:00:10 GMT", now)).isEqualTo(Duration.ofSeconds(10));
        assertThat(RetryAfter.parse("Tue, 31 Dec 2024 23:00:00 GMT", now)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("-5", now)).isNull();
        assertThat(RetryAfter.parse("soon", now)).isNull();
        assertThat(RetryAfter.parse(null, now)).isNull();
    }

    @Test
    void shouldSpendBurstThenSpaceRequestsWhenTokenBucketDrains() {
        TokenBucket bucket = new TokenBucket(10, 2, 0);

        assertThat(bucket.reserve(0)).isZero();
        assertThat(bucket.reserve(0)).isZero();
        assertThat(bucket.reserve(0)).isBetween(99_999_000L, 100_001_000L);
        assertThat(bucket.reserve(0)).isBetween(199_999_000L, 200_001_000L);
        assertThat(bucket.reserve(1_000_000_000L)).isZero(); // refilled after a quiet second
    }
}
