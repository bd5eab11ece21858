package dev.imagecensus.aggregator.topology;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * What one task has told a listener about one table, so each call can carry the old value and a closing task can
 * retract everything it reported ({@link dev.imagecensus.aggregator.InventoryListener}'s contract).
 */
final class Reported<V> {

    /** Where the changes go. */
    @FunctionalInterface
    interface Sink<V> {
        void onChange(String key, V old, V now);
    }

    private final Sink<V> sink;
    private final Map<String, V> reported = new HashMap<>();

    Reported(Sink<V> sink) {
        this.sink = sink;
    }

    /** Reports {@code now} (null: the key is gone) if it differs from what was last reported for {@code key}. */
    void report(String key, V now) {
        V old = now == null ? reported.remove(key) : reported.put(key, now);
        if (!Objects.equals(old, now)) {
            Dispatch.safely(key, () -> sink.onChange(key, old, now));
        }
    }

    /** Reports every entry of a just-restored store, which restoration never forwards. */
    void replay(KeyValueStore<String, ?> store) {
        try (KeyValueIterator<String, ?> entries = store.all()) {
            while (entries.hasNext()) {
                KeyValue<String, ?> entry = entries.next();
                report(entry.key, unwrap(entry.value));
            }
        }
    }

    /** Retracts everything reported (the task is closing). */
    void retractAll() {
        reported.forEach((key, old) -> Dispatch.safely(key, () -> sink.onChange(key, old, null)));
        reported.clear();
    }

    @SuppressWarnings("unchecked")
    private static <V> V unwrap(Object stored) {
        return stored instanceof ValueAndTimestamp<?> timestamped ? (V) timestamped.value() : (V) stored;
    }
}
