package dev.imagecensus.aggregator.topology;

import static dev.imagecensus.aggregator.topology.Events.container;
import static dev.imagecensus.aggregator.topology.Events.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagecensus.aggregator.AggregatorStores;
import dev.imagecensus.aggregator.domain.ImageUsage;
import dev.imagecensus.schemas.avro.DeadLetter;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryException;
import dev.imagecensus.schemas.serde.AvroSerializer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Undecodable input becomes a DeadLetter and processing goes on; an unreachable registry is not bad input. */
class DeadLetterTopologyTest {

    private static final byte[] GARBAGE = "definitely not avro".getBytes(StandardCharsets.UTF_8);
    private static final byte[] WRONG_MAGIC = {1, 0, 0, 0, 1, 2, 4};
    private static final byte[] UNKNOWN_SCHEMA_ID = {0, 0, 0, 0x27, 0x0F, 2, 4};

    @Test
    void shouldDeadLetterUndecodableEventsWithTheirCoordinatesAndKeepProcessing() {
        try (TopologyFixture fixture = TopologyFixture.start()) {
            // Given three poison records between two good events
            var web1 = container("default", "web-1", "nginx");
            var web2 = container("default", "web-2", "nginx");
            fixture.pipe(web1, web1.added());
            RecordHeaders headers = new RecordHeaders();
            headers.add("trace", "t-1".getBytes(StandardCharsets.UTF_8));

            // When they are consumed
            fixture.rawEvents.pipeInput(new TestRecord<>("k-garbage", GARBAGE, headers, Events.T0));
            fixture.rawEvents.pipeInput("k-magic", WRONG_MAGIC);
            fixture.rawEvents.pipeInput("k-unknown", UNKNOWN_SCHEMA_ID);
            fixture.pipe(web2, web2.added());

            // Then each is a dead letter with the input bytes, its coordinates and the cause
            List<DeadLetter> letters = fixture.deadLetters.readValuesToList();
            assertThat(letters).extracting(l -> utf8(l.getKey()))
                    .containsExactly("k-garbage", "k-magic", "k-unknown");
            DeadLetter garbage = letters.get(0);
            assertThat(garbage.getTopic()).isEqualTo(fixture.topics.imageEvents().name());
            assertThat(garbage.getPartition()).isZero();
            assertThat(garbage.getOffset()).isEqualTo(1L);
            assertThat(garbage.getTimestamp()).isEqualTo(Events.T0);
            assertThat(bytes(garbage.getValue())).isEqualTo(GARBAGE);
            assertThat(utf8(garbage.getHeaders().get("trace"))).isEqualTo("t-1");
            assertThat(garbage.getApplication()).isEqualTo(fixture.config.applicationId());
            assertThat(garbage.getStage()).isEqualTo("image-events-decode");
            assertThat(letters).extracting(DeadLetter::getErrorClass).containsOnly(SerializationException.class.getName());
            assertThat(letters.get(1).getErrorMessage()).containsIgnoringCase("magic");
            assertThat(letters.get(2).getErrorMessage()).contains("9999");
            assertThat(letters.get(2).getOffset()).isEqualTo(3L);
            // And the good events around them were both counted
            assertThat(fixture.<ImageUsage>store(AggregatorStores.IMAGE_USAGE).get(ref("nginx:1.27")).containers()).isEqualTo(2);
        }
    }

    @Test
    void shouldDeadLetterUndecodableClassifications() {
        try (TopologyFixture fixture = TopologyFixture.start()) {
            // Given a classification topic with a garbage record
            TestInputTopic<String, byte[]> raw = fixture.driver.createInputTopic(
                    fixture.topics.imageClassifications().name(), new StringSerializer(), new ByteArraySerializer());

            // When it is consumed
            raw.pipeInput(ref("nginx:1.27"), GARBAGE);

            // Then it is dead-lettered from that topic and the table stays empty
            DeadLetter letter = fixture.deadLetters.readValue();
            assertThat(letter.getTopic()).isEqualTo(fixture.topics.imageClassifications().name());
            assertThat(letter.getStage()).isEqualTo("image-classifications-decode");
            assertThat(fixture.entries(AggregatorStores.CLASSIFICATIONS)).isEmpty();
        }
    }

    @Test
    void shouldFailInsteadOfDeadLetteringWhenTheRegistryIsUnreachable() {
        try (TopologyFixture fixture = TopologyFixture.start(Map.of("max.retries", "0"))) {
            // Given a well-formed event whose schema id the aggregator has not fetched yet
            byte[] valid = serializedElsewhere(fixture);
            // And a registry that is down
            fixture.registry.close();

            // When the event is consumed, then processing fails with the registry error
            assertThatThrownBy(() -> fixture.rawEvents.pipeInput("prod/uid/app", valid))
                    .satisfies(e -> assertThat(causes(e)).hasAtLeastOneElementOfType(SchemaRegistryException.class));
            // And nothing was dead-lettered
            assertThat(fixture.deadLetters.isEmpty()).isTrue();
        }
    }

    private static byte[] serializedElsewhere(TopologyFixture fixture) {
        try (SchemaRegistryClient other = HttpSchemaRegistryClient.fromConfig(fixture.config.registryClientProperties())) {
            var web1 = container("default", "web-1", "nginx");
            AvroSerializer<ImageEvent> serializer = new AvroSerializer<>(other);
            serializer.configure(Map.of(), false);
            return serializer.serialize(fixture.topics.imageEvents().name(), web1.added());
        }
    }

    private static List<Throwable> causes(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error; t != null; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    private static String utf8(ByteBuffer buffer) {
        return new String(bytes(buffer), StandardCharsets.UTF_8);
    }
}
