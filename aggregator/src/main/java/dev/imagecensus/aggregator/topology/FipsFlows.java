package dev.imagecensus.aggregator.topology;

import dev.imagecensus.aggregator.InventoryListener;
import dev.imagecensus.aggregator.domain.Classification;
import dev.imagecensus.aggregator.domain.ImageStatus;
import dev.imagecensus.aggregator.domain.LiveContainer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The FIPS roll-up per pod and per workload:
 *
 * <pre>
 * live-containers ─► router (container-pods) ─┐
 *                                             ├─ rollup-input (containers by namespace, image statuses to all) ─► pod-state, workload-state
 * image-classifications ─► image status ──────┘
 * </pre>
 *
 * One repartition, no foreign-key join: each roll-up task classifies its containers from its own copy of the
 * (few thousand) image statuses. The earlier shape (FK join, then a repartition by pod and another by workload)
 * made this roll-up most of the aggregator's work per event (bench/README.md).
 */
final class FipsFlows {

    private FipsFlows() {
    }

    static void rollUp(StreamsBuilder builder, KTable<String, LiveContainer> containers,
                       KTable<String, Classification> classifications, InventoryListener listener) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Names.CONTAINER_PODS), StateSerdes.KEY, StateSerdes.CHANGE));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Names.ROLLUP_IMAGE_STATUS), StateSerdes.KEY, StateSerdes.IMAGE_STATUS));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Names.ROLLUP_IMAGE_PODS), StateSerdes.KEY, Serdes.String()));
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                Stores.persistentTimestampedKeyValueStore(Names.POD_STATE), StateSerdes.KEY, StateSerdes.POD)
                .withCachingEnabled());
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                Stores.persistentTimestampedKeyValueStore(Names.WORKLOAD_STATE), StateSerdes.KEY, StateSerdes.WORKLOAD)
                .withCachingEnabled());

        KStream<String, RollupInput> containerChanges = containers
                .toStream(Named.as("live-containers-changes"))
                .process(ContainerRouter::new, Named.as("live-containers-router"), Names.CONTAINER_PODS);
        KStream<String, RollupInput> imageStatuses = classifications
                .toStream(Named.as("image-classifications-changes"))
                .mapValues((image, classification) -> RollupInput.of(image,
                        classification == null ? null : ImageStatus.of(classification)), Named.as("image-status"));
        containerChanges.merge(imageStatuses, Named.as("rollup-inputs"))
                .repartition(Repartitioned.<String, RollupInput>as(Names.ROLLUP_INPUT)
                        .withKeySerde(StateSerdes.KEY).withValueSerde(StateSerdes.ROLLUP_INPUT)
                        .withStreamPartitioner(new RollupPartitioner()))
                .process(() -> new FipsRollup(listener), Named.as("fips-rollup"), Names.ROLLUP_IMAGE_STATUS,
                        Names.ROLLUP_IMAGE_PODS, Names.POD_STATE, Names.WORKLOAD_STATE);
    }
}
