package dev.imagecensus.enricher.registry;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** A {@link RegistryListener} that just counts: requests by registry/method/outcome and bytes by registry. */
public final class RegistryCounters implements RegistryListener {

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> bytes = new ConcurrentHashMap<>();

    @Override
    public void onRequest(String registry, String method, String outcome) {
        requests.computeIfAbsent(registry + " " + method + " " + outcome, k -> new LongAdder()).increment();
    }

    @Override
    public void onBytes(String registry, long count) {
        bytes.computeIfAbsent(registry, k -> new LongAdder()).add(count);
    }

    /** Requests to {@code registry} ending in {@code outcome} (e.g. {@code 200}, {@code 429}, {@code io_error}), any method. */
    public long requests(String registry, String outcome) {
        return requests.entrySet().stream()
                .filter(e -> e.getKey().startsWith(registry + " ") && e.getKey().endsWith(" " + outcome))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    /** Every request to {@code registry}. */
    public long requests(String registry) {
        return requests.entrySet().stream().filter(e -> e.getKey().startsWith(registry + " "))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    public long bytes(String registry) {
        LongAdder adder = bytes.get(registry);
        return adder == null ? 0 : adder.sum();
    }

    /** A sorted copy of all request counters, keyed {@code "registry method outcome"}. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        requests.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }
}
