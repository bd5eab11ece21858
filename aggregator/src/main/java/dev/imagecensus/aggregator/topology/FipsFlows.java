package dev.imagecensus.aggregator.topology;

import dev.imagecensus.aggregator.InventoryListener;
import dev.imagecensus.aggregator.domain.Classification;
import dev.imagecensus.aggregator.domain.ClassifiedContainer;
import dev.imagecensus.aggregator.domain.LiveContainer;
import java.util.function.Function;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.state.Stores;

/**
 * Per-container classification (foreign-key join) folded per pod and per workload:
 *
 * <pre>
 * live-containers ⋈fk image-classifications ─► classified-containers ─► router (container-pods) ─by namespace─► pod-state, workload-state
 * </pre>
 *
 * One repartition by namespace instead of one by pod and another by workload: this roll-up was most of the
 * aggregator's work per event when it took two hops (bench/README.md).
 */
final class FipsFlows {

    private FipsFlows() {
    }

    /**
     * Each live container joined with the classification of its image, rolled up per pod and workload. Left join:
     * unclassified images and invalid references (null foreign key) keep their container, marked unclassified.
     */
    static void rollUp(StreamsBuilder builder, KTable<String, LiveContainer> containers,
                       KTable<String, Classification> classifications, InventoryListener listener) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Names.CONTAINER_PODS), StateSerdes.KEY, StateSerdes.CHANGE));
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                Stores.persistentTimestampedKeyValueStore(Names.POD_STATE), StateSerdes.KEY, StateSerdes.POD)
                .withCachingEnabled());
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                Stores.persistentTimestampedKeyValueStore(Names.WORKLOAD_STATE), StateSerdes.KEY, StateSerdes.WORKLOAD)
                .withCachingEnabled());
        Function<LiveContainer, String> imageRef = LiveContainer::imageRef;
        containers.leftJoin(classifications, imageRef, ClassifiedContainer::join,
                        TableJoined.as(Names.CONTAINER_CLASSIFICATION_JOIN),
                        Tables.store(Names.CLASSIFIED_CONTAINERS, StateSerdes.CLASSIFIED))
                .toStream(Named.as("classified-containers-changes"))
                .process(ContainerRouter::new, Named.as("classified-containers-router"), Names.CONTAINER_PODS)
                .repartition(Repartitioned.<String, ContainerChange>as(Names.CONTAINERS_BY_NAMESPACE)
                        .withKeySerde(StateSerdes.KEY).withValueSerde(StateSerdes.CHANGE)
                        .withStreamPartitioner(new ByNamespace()))
                .process(() -> new FipsRollup(listener), Named.as("fips-rollup"), Names.POD_STATE, Names.WORKLOAD_STATE);
    }
}
