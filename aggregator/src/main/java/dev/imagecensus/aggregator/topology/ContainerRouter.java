package dev.imagecensus.aggregator.topology;

import dev.imagecensus.aggregator.domain.LiveContainer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns the live-container table's changes into {@link ContainerChange}s for the roll-up. The table's tombstone
 * carries only the container key, so the router remembers each live container's identity
 * ({@code container-pods}) to name the pod a removal belongs to.
 */
final class ContainerRouter implements Processor<String, LiveContainer, String, RollupInput> {

    private ProcessorContext<String, RollupInput> context;
    private KeyValueStore<String, ContainerChange> identities;

    @Override
    public void init(ProcessorContext<String, RollupInput> context) {
        this.context = context;
        this.identities = context.getStateStore(Names.CONTAINER_PODS);
    }

    @Override
    public void process(Record<String, LiveContainer> record) {
        if (record.value() == null) {
            ContainerChange known = identities.delete(record.key());
            if (known != null) {
                context.forward(record.withValue(RollupInput.of(known)));
            }
            return;
        }
        ContainerChange change = ContainerChange.of(record.value());
        if (identities.get(record.key()) == null) {
            // A container key names one container of one pod instance for life: written once.
            identities.put(record.key(), change.removal());
        }
        context.forward(record.withValue(RollupInput.of(change)));
    }
}
