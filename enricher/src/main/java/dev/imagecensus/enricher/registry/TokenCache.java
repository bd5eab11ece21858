package dev.imagecensus.enricher.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens by registry, realm, service, scope AND credential fingerprint: a token is only ever reused by a
 * caller presenting the same credentials (ORAS shares tokens JVM-wide, which let wrong credentials succeed).
 * One cache per client, never static. Bounded: expired entries are swept when it grows.
 */
final class TokenCache {

    static final int MAX_ENTRIES = 10_000;

    record Key(String registry, String realm, String service, String scope, String credentials) {
    }

    private record Entry(String token, long expiresAtNanos) {
    }

    private final Map<Key, Entry> tokens = new ConcurrentHashMap<>();

    String get(Key key, long nowNanos) {
        Entry entry = tokens.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.expiresAtNanos() - nowNanos <= 0) {
            tokens.remove(key, entry);
            return null;
        }
        return entry.token();
    }

    void put(Key key, String token, long expiresAtNanos, long nowNanos) {
        if (tokens.size() >= MAX_ENTRIES) {
            tokens.values().removeIf(e -> e.expiresAtNanos() - nowNanos <= 0);
            if (tokens.size() >= MAX_ENTRIES) {
                tokens.clear();
            }
        }
        tokens.put(key, new Entry(token, expiresAtNanos));
    }

    void remove(Key key) {
        tokens.remove(key);
    }

    int size() {
        return tokens.size();
    }
}
