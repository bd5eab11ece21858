package dev.imagecensus.enricher.stream;

import dev.imagecensus.enricher.EnricherConfig;
import dev.imagecensus.schemas.Topics;
import dev.imagecensus.schemas.avro.ImageClassification;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.streams.DecodedSources;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * {@code image-events} → per-image usage → registry inspection → {@code image-classifications}.
 *
 * <pre>
 * image-events (key cluster/podUid/container; undecodable records → image-census-dlq)
 *   └─ enricher-usage-deltas      [container-images]          +1/-1 per image
 *        └─ repartition enricher-usage-by-image               key: image reference
 *             └─ enricher-inspection [usage, pending, classifications, by-digest]
 *                  └─ image-classifications (key: image reference)
 * </pre>
 */
public final class EnricherTopology {

    public static final String CONTAINER_IMAGES_STORE = "enricher-container-images";
    public static final String USAGE_STORE = "enricher-usage";
    public static final String PENDING_STORE = "enricher-pending";
    public static final String CLASSIFICATIONS_STORE = "enricher-classifications";
    public static final String BY_DIGEST_STORE = "enricher-by-digest";

    private EnricherTopology() {
    }

    public static Topology build(Topics topics, EnricherConfig config, InspectionService service) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<String> strings = Serdes.String();
        Serde<ImageClassification> classifications = topics.imageClassifications().valueSerde();

        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CONTAINER_IMAGES_STORE), strings, strings));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(USAGE_STORE), strings, Serdes.Integer()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PENDING_STORE), strings, Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CLASSIFICATIONS_STORE), strings, classifications));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(BY_DIGEST_STORE), strings, classifications));

        // Undecodable events become dead letters; the enricher keeps classifying everything else.
        KStream<String, ImageEvent> events =
                DecodedSources.decoded(builder, topics.imageEvents(), topics.deadLetters(), "enricher-image-events");
        events.process(() -> new UsageDeltaProcessor(config.ignoredImages()), Named.as("enricher-usage-deltas"),
                        CONTAINER_IMAGES_STORE)
                .repartition(Repartitioned.with(strings, Serdes.Integer()).withName("enricher-usage-by-image"))
                .process(() -> new InspectionProcessor(service, config), Named.as("enricher-inspection"),
                        USAGE_STORE, PENDING_STORE, CLASSIFICATIONS_STORE, BY_DIGEST_STORE)
                .to(topics.imageClassifications().name(),
                        Produced.with(strings, classifications).withName("enricher-image-classifications"));
        return builder.build();
    }
}
