package dev.imagecensus.streams;

import dev.imagecensus.schemas.Topics;
import dev.imagecensus.schemas.avro.DeadLetter;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Source streams that survive bad input: records are read as bytes and decoded inside the topology, so one that
 * cannot be decoded becomes a {@link DeadLetter} on the dead-letter topic (a branch of the topology, in the same
 * transaction as everything else) instead of stopping the application. Registry outages still fail the task.
 */
public final class DecodedSources {

    private static final String ROUTE = "-route-";
    private static final String DEAD = "dead-letters";
    private static final String OK = "decoded";

    private DecodedSources() {
    }

    /**
     * The topic's records with decoded values (null for tombstones); undecodable ones go to {@code deadLetters}.
     * Every processor is named after {@code name}, so two sources in one topology need two names.
     */
    public static <V> KStream<String, V> decoded(StreamsBuilder builder, Topics.Topic<String, V> topic,
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
