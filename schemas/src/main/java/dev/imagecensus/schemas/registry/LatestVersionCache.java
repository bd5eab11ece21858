package dev.imagecensus.schemas.registry;

import dev.imagecensus.schemas.registry.SchemaRegistryClient.SubjectVersion;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Each subject's latest version, reused for a TTL: the only mutable answer the client caches,
 * so a short TTL bounds how long a producer keeps using a superseded version.
 */
final class LatestVersionCache {

    private record Entry(SubjectVersion version, long loadedAtNanos) {
    }

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final LongSupplier nanoTime;

    /** @param ttl zero = no caching, negative = never expires */
    LatestVersionCache(Duration ttl, LongSupplier nanoTime) {
        this.ttl = ttl;
        this.nanoTime = nanoTime;
    }

    SubjectVersion get(String subject, Function<String, SubjectVersion> loader) {
        if (ttl.isZero()) {
            return loader.apply(subject);
        }
        long now = nanoTime.getAsLong();
        Entry entry = entries.get(subject);
        if (entry != null && (ttl.isNegative() || now - entry.loadedAtNanos() < ttl.toNanos())) {
            return entry.version();
        }
        SubjectVersion version = loader.apply(subject);
        entries.put(subject, new Entry(version, now));
        return version;
    }

    void invalidate(String subject) {
        entries.remove(subject);
    }

    void clear() {
        entries.clear();
    }
}
