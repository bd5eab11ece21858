package dev.imagecensus.aggregator.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Feeds one table's changes to a listener as (key, old, new). A table's change stream carries only new values,
 * so the dispatcher remembers what it last reported per key for its task. A task's processors are initialised
 * only after its stores are restored, so {@link #init} replays the restored table (which restoration never
 * forwards); {@link #close} retracts everything it reported.
 */
final class ChangeDispatcher<V> implements Processor<String, V, Void, Void> {

    private final String storeName;
    private final Reported<V> reported;

    ChangeDispatcher(String storeName, Reported.Sink<V> sink) {
        this.storeName = storeName;
        this.reported = new Reported<>(sink);
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        reported.replay(context.getStateStore(storeName));
    }

    @Override
    public void process(Record<String, V> record) {
        reported.report(record.key(), record.value());
    }

    @Override
    public void close() {
        reported.retractAll();
    }
}
