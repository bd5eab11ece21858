package dev.imagecensus.aggregator.topology;

import dev.imagecensus.aggregator.domain.Classification;
import dev.imagecensus.aggregator.domain.LiveContainer;
import dev.imagecensus.schemas.Topics;
import dev.imagecensus.schemas.avro.DeadLetter;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The two input tables. Sources are read as bytes and decoded inside the topology, so a record that cannot be
 * decoded becomes a {@code DeadLetter} on the dead-letter topic (a branch of the topology, in the same
 * transaction as everything else) instead of stopping the application.
 */
final class Sources {

    private static final String ROUTE = "-route-";
    private static final String DEAD = "dead-letters";
    private static final String OK = "decoded";

    private Sources() {
    }

    /** {@code image-events} as a table of live containers: DELETED and tombstones remove the container. */
    static KTable<String, LiveContainer> liveContainers(StreamsBuilder builder, Topics topics) {
        return decoded(builder, topics.imageEvents(), topics.deadLetters(), Names.EVENTS)
                .mapValues(AvroMapping::container, Named.as("image-events-to-live-containers"))
                .toTable(Named.as("live-containers-table"), Tables.store(Names.LIVE_CONTAINERS, StateSerdes.CONTAINER));
    }

    /** {@code image-classifications} as a table keyed by canonical reference. */
    static KTable<String, Classification> classifications(StreamsBuilder builder, Topics topics) {
        return decoded(builder, topics.imageClassifications(), topics.deadLetters(), Names.CLASSIFICATION_EVENTS)
                .mapValues(AvroMapping::classification, Named.as("image-classifications-to-domain"))
                .toTable(Named.as("image-classifications-table"),
                        Tables.store(Names.CLASSIFICATIONS, StateSerdes.CLASSIFICATION));
    }

    /** The topic's records with decoded values (null for tombstones); undecodable ones go to the dead letters. */
    static <V> KStream<String, V> decoded(StreamsBuilder builder, Topics.Topic<String, V> topic,
                                          Topics.Topic<String, DeadLetter> deadLetters, String name) {
        Map<String, KStream<String, Decoded<V>>> branches = builder
                .stream(topic.name(), Consumed.with(topic.keySerde(), Serdes.ByteArray()).withName(name + "-source"))
                .processValues(() -> new DecodeProcessor<>(topic.valueSerde().deserializer(), name + "-decode"),
                        Named.as(name + "-decode"))
                .split(Named.as(name + ROUTE))
                .branch((key, value) -> value.failed(), Branched.as(DEAD))
                .defaultBranch(Branched.as(OK));
        branches.get(name + ROUTE + DEAD)
                .mapValues(Decoded::deadLetter, Named.as(name + "-dead-letter"))
                .to(deadLetters.name(), Produced.with(deadLetters.keySerde(), deadLetters.valueSerde())
                        .withName(name + "-dead-letter-sink"));
        return branches.get(name + ROUTE + OK).mapValues(Decoded::value, Named.as(name + "-value"));
    }
}
