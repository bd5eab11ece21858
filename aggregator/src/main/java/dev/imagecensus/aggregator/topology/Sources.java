package dev.imagecensus.aggregator.topology;

import dev.imagecensus.aggregator.domain.Classification;
import dev.imagecensus.aggregator.domain.LiveContainer;
import dev.imagecensus.schemas.Topics;
import dev.imagecensus.streams.DecodedSources;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;

/**
 * The two input tables. Sources are read as bytes and decoded inside the topology, so a record that cannot be
 * decoded becomes a {@code DeadLetter} on the dead-letter topic (a branch of the topology, in the same
 * transaction as everything else) instead of stopping the application.
 */
final class Sources {

    private Sources() {
    }

    /**
     * {@code image-events} as a table of live containers: DELETED and tombstones remove the container. Caching is
     * off: with it, a container that came and went within one commit's worth of input (a short-lived pod, or any pod
     * while the aggregator catches up) was folded away before the usage aggregate saw it, so its image was never
     * audited as ENTERED or LEFT.
     */
    static KTable<String, LiveContainer> liveContainers(StreamsBuilder builder, Topics topics) {
        return DecodedSources.decoded(builder, topics.imageEvents(), topics.deadLetters(), Names.EVENTS)
                .mapValues(AvroMapping::container, Named.as("image-events-to-live-containers"))
                .toTable(Named.as("live-containers-table"),
                        Tables.store(Names.LIVE_CONTAINERS, StateSerdes.CONTAINER).withCachingDisabled());
    }

    /** {@code image-classifications} as a table keyed by canonical reference. */
    static KTable<String, Classification> classifications(StreamsBuilder builder, Topics topics) {
        return DecodedSources.decoded(builder, topics.imageClassifications(), topics.deadLetters(), Names.CLASSIFICATION_EVENTS)
                .mapValues(AvroMapping::classification, Named.as("image-classifications-to-domain"))
                .toTable(Named.as("image-classifications-table"),
                        Tables.store(Names.CLASSIFICATIONS, StateSerdes.CLASSIFICATION));
    }

}
