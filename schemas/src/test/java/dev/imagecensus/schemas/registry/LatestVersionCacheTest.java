package dev.imagecensus.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.schemas.registry.SchemaRegistryClient.SubjectVersion;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class LatestVersionCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();
    private final Function<String, SubjectVersion> loader = subject ->
            new SubjectVersion(subject, loads.incrementAndGet(), 100, Schema.create(Schema.Type.STRING));

    @Test
    void shouldReuseWhenWithinTtl() {
        LatestVersionCache cache = new LatestVersionCache(Duration.ofSeconds(30), nanos::get);

        cache.get("s", loader);
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());

        assertThat(cache.get("s", loader).version()).isEqualTo(1);
        assertThat(loads).hasValue(1);
    }

    @Test
    void shouldReloadWhenTtlHasPassed() {
        LatestVersionCache cache = new LatestVersionCache(Duration.ofSeconds(30), nanos::get);

        cache.get("s", loader);
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());

        assertThat(cache.get("s", loader).version()).isEqualTo(2);
    }

    @Test
    void shouldAlwaysLoadWhenTtlIsZero() {
        LatestVersionCache cache = new LatestVersionCache(Duration.ZERO, nanos::get);

        cache.get("s", loader);
        cache.get("s", loader);

        assertThat(loads).hasValue(2);
    }

    @Test
    void shouldNeverExpireWhenTtlIsNegative() {
        LatestVersionCache cache = new LatestVersionCache(Duration.ofSeconds(-1), nanos::get);

        cache.get("s", loader);
        nanos.addAndGet(Duration.ofDays(365).toNanos());

        assertThat(cache.get("s", loader).version()).isEqualTo(1);
    }

    @Test
    void shouldReloadWhenSubjectWasInvalidated() {
        LatestVersionCache cache = new LatestVersionCache(Duration.ofSeconds(30), nanos::get);

        cache.get("s", loader);
        cache.invalidate("s");

        assertThat(cache.get("s", loader).version()).isEqualTo(2);
        assertThat(cache.get("other", loader).subject()).isEqualTo("other");
    }
}
