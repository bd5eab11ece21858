package dev.imagecensus.aggregator.topology;

import dev.imagecensus.aggregator.AggregatorConfig;
import dev.imagecensus.aggregator.InventoryListener;
import dev.imagecensus.aggregator.domain.Classification;
import dev.imagecensus.aggregator.domain.ImageState;
import dev.imagecensus.aggregator.domain.ImageUsage;
import dev.imagecensus.aggregator.domain.LiveContainer;
import dev.imagecensus.schemas.Topics;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;

/**
 * The aggregator's Kafka Streams topology, as a function of its topics and configuration:
 *
 * <pre>
 * image-events ─decode─► live-containers ─groupBy image─► image-usage ─► audit ─► image-audit
 *        │ (bad bytes)         │                               └─ in use ⋈ image-classifications ─► image-state ─► image-inventory
 *        ▼                     └─ router ─┬─ rollup-input (by namespace) ─► FIPS roll-up ─► pod-state, workload-state
 * image-census-dlq      image-classifications ─► image status ─┘ (to every partition)
 *        ▲                     │ (bad bytes, decoded the same way)
 *        └─────────────────────┘
 * </pre>
 *
 * Every store, internal topic and processor is named ({@link Names}); the build enforces it with
 * {@code ensure.explicit.internal.resource.naming}.
 */
public final class AggregatorTopology {

    private AggregatorTopology() {
    }

    /** The topology without change listeners. */
    public static Topology build(Topics topics, AggregatorConfig config) {
        return build(topics, config, InventoryListener.NONE);
    }

    /** The topology, reporting table changes to {@code listener} (none wired for {@link InventoryListener#NONE}). */
    public static Topology build(Topics topics, AggregatorConfig config, InventoryListener listener) {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(listener, "listener");
        Properties properties = config.streamsProperties();
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(properties)));

        KTable<String, LiveContainer> containers = Sources.liveContainers(builder, topics);
        KTable<String, Classification> classifications = Sources.classifications(builder, topics);

        KTable<String, ImageUsage> usage = ImageFlows.usage(containers);
        ImageFlows.audit(builder, usage, topics.imageAudit(), listener);
        KTable<String, ImageState> state = ImageFlows.state(usage, classifications);
        KStream<String, ImageState> stateChanges = ImageFlows.inventory(state, topics.imageInventory());
        KTable<String, Integer> invalid = ImageFlows.invalidReferences(containers);

        FipsFlows.rollUp(builder, containers, classifications, listener);

        if (listener != InventoryListener.NONE) {
            dispatch(stateChanges, Names.IMAGE_STATE, listener::onImageState);
            dispatch(invalid.toStream(Named.as("invalid-references-changes")), Names.INVALID_REFERENCES,
                    listener::onInvalidReference);
        }
        return builder.build(properties);
    }

    private static <V> void dispatch(KStream<String, V> changes, String store, Reported.Sink<V> sink) {
        changes.process(() -> new ChangeDispatcher<>(store, sink), Named.as(store + "-listener"), store);
    }
}
