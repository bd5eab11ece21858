package dev.imagecensus.aggregator.topology;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Feeds one table's changes to a listener as (key, old, new). A table's change stream carries only new values,
 * so the dispatcher remembers what it last reported per key for its task. A task's processors are initialised
 * only after its stores are restored, so {@link #init} replays the restored table (which restoration never
 * forwards); {@link #close} retracts everything it reported.
 */
final class ChangeDispatcher<V> implements Processor<String, V, Void, Void> {

    /** Where the changes go. */
    @FunctionalInterface
    interface Sink<V> {
        void onChange(String key, V old, V now);
    }

    private final String storeName;
    private final Sink<V> sink;
    private final Map<String, V> reported = new HashMap<>();

    ChangeDispatcher(String storeName, Sink<V> sink) {
        this.storeName = storeName;
        this.sink = sink;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        KeyValueStore<String, ?> store = context.getStateStore(storeName);
        try (KeyValueIterator<String, ?> entries = store.all()) {
            while (entries.hasNext()) {
                KeyValue<String, ?> entry = entries.next();
                report(entry.key, unwrap(entry.value));
            }
        }
    }

    @Override
    public void process(Record<String, V> record) {
        report(record.key(), record.value());
    }

    @Override
    public void close() {
        reported.forEach((key, old) -> Dispatch.safely(key, () -> sink.onChange(key, old, null)));
        reported.clear();
    }

    private void report(String key, V now) {
        V old = now == null ? reported.remove(key) : reported.put(key, now);
        if (!Objects.equals(old, now)) {
            Dispatch.safely(key, () -> sink.onChange(key, old, now));
        }
    }

    @SuppressWarnings("unchecked")
    private static <V> V unwrap(Object stored) {
        return stored instanceof ValueAndTimestamp<?> timestamped ? (V) timestamped.value() : (V) stored;
    }
}
