package dev.imagecensus.embedded.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagecensus.embedded.junit.StackExtension;
import dev.imagecensus.embedded.junit.TestStack;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistry;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistryConfig;
import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryException;
import dev.imagecensus.schemas.serde.AvroDeserializer;
import dev.imagecensus.schemas.serde.AvroSerializer;
import dev.imagecensus.schemas.serde.WireFormat;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The data contract end to end: every schema is written through the serde to the real broker, registered in the
 * real embedded registry, and read back by a second client that shares nothing with the writer.
 */
@ExtendWith(StackExtension.class)
class SerdeRoundTripIT {

    static Stream<SpecificRecord> everySchema() {
        return Stream.of(SampleRecords.imageEvent(), SampleRecords.invalidImageEvent(),
                SampleRecords.imageClassification(), SampleRecords.imageInventory(),
                SampleRecords.imageAudit(), SampleRecords.deadLetter());
    }

    @ParameterizedTest
    @MethodSource("everySchema")
    <T extends SpecificRecord> void shouldReadTheSameRecordWhenAFreshClientConsumesTheBytes(T record, TestStack stack) {
        String topic = stack.uniqueTopic("contract");
        stack.createTopic(topic, 1);

        byte[] bytes = produceAndConsume(stack, topic, record);

        try (SchemaRegistryClient reader = client(stack.schemaRegistryUrl())) {
            WireFormat.Frame frame = WireFormat.parse(bytes, topic);
            assertThat(frame.schemaId()).isEqualTo(reader.latest(topic + "-value").id());
            @SuppressWarnings("unchecked")
            Class<T> type = (Class<T>) record.getClass();
            AvroDeserializer<T> specific = new AvroDeserializer<>(reader, type);
            specific.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
            assertThat(specific.deserialize(topic, bytes)).isEqualTo(record);

            AvroDeserializer<GenericRecord> generic = new AvroDeserializer<>(reader);
            generic.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl(), "specific.avro.reader", false), false);
            GenericRecord genericRecord = generic.deserialize(topic, bytes);
            assertThat(genericRecord).isNotInstanceOf(SpecificRecord.class);
            assertThat(encode(genericRecord)).isEqualTo(remaining(frame.body()));
        }
    }

    @Test
    void shouldResolveEveryIdWhenASecondRegistryReadsTheSameSchemasTopic(TestStack stack) {
        String topic = stack.uniqueTopic("contract-restart");
        stack.createTopic(topic, 1);
        byte[] bytes = produceAndConsume(stack, topic, SampleRecords.imageClassification());
        int id = WireFormat.parse(bytes, topic).schemaId();

        // A registry started afresh on the same _schemas topic rebuilds every id from Kafka alone.
        try (EmbeddedSchemaRegistry restarted = EmbeddedSchemaRegistry.start(EmbeddedSchemaRegistryConfig.kafka(stack.bootstrapServers()));
             SchemaRegistryClient reader = client(restarted.url())) {
            assertThat(reader.schemaById(id)).isEqualTo(SampleRecords.imageClassification().getSchema());
            AvroDeserializer<dev.imagecensus.schemas.avro.ImageClassification> deserializer =
                    new AvroDeserializer<>(reader, dev.imagecensus.schemas.avro.ImageClassification.class);
            deserializer.configure(Map.of("schema.registry.url", restarted.url()), false);
            assertThat(deserializer.deserialize(topic, bytes)).isEqualTo(SampleRecords.imageClassification());
        }
    }

    @Test
    void shouldFailWithTheIdWhenTheSchemaIdIsUnknown(TestStack stack) {
        byte[] bytes = WireFormat.frame(987_654, new byte[] {2, 'x'});
        try (SchemaRegistryClient reader = client(stack.schemaRegistryUrl())) {
            AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>(reader);
            deserializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);

            assertThatThrownBy(() -> deserializer.deserialize("image-events", bytes))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("987654")
                    .hasRootCauseInstanceOf(SchemaRegistryException.class)
                    .rootCause().satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(40403));
        }
    }

    @Test
    void shouldRefuseWith409WhenAChangeIsNotBackwardCompatible(TestStack stack) {
        String subject = stack.uniqueTopic("evolving") + "-value";
        Schema v1 = SchemaBuilder.record("Thing").namespace("dev.imagecensus.test").fields()
                .requiredString("name").endRecord();
        Schema compatible = SchemaBuilder.record("Thing").namespace("dev.imagecensus.test").fields()
                .requiredString("name").name("size").type().intType().intDefault(0).endRecord();
        Schema incompatible = SchemaBuilder.record("Thing").namespace("dev.imagecensus.test").fields()
                .requiredString("name").requiredString("owner").endRecord();

        try (SchemaRegistryClient client = client(stack.schemaRegistryUrl())) {
            int first = client.register(subject, v1);
            int second = client.register(subject, compatible);

            assertThat(second).isNotEqualTo(first);
            assertThat(client.versions(subject)).containsExactly(1, 2);
            assertThatThrownBy(() -> client.register(subject, incompatible))
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(409));
            assertThat(client.versions(subject)).containsExactly(1, 2);
        }
    }

    @Test
    void shouldRefuseToWriteWhenAutoRegisterIsOffAndTheSchemaIsUnknown(TestStack stack) {
        String topic = stack.uniqueTopic("no-auto-register");
        try (SchemaRegistryClient client = client(stack.schemaRegistryUrl())) {
            AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(client,
                    Map.of("schema.registry.url", stack.schemaRegistryUrl(), "auto.register.schemas", false), false);

            assertThatThrownBy(() -> serializer.serialize(topic, SampleRecords.imageAudit()))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining(topic);
            assertThat(client.subjects()).doesNotContain(topic + "-value");
        }
    }

    private static <T extends SpecificRecord> byte[] produceAndConsume(TestStack stack, String topic, T record) {
        try (SchemaRegistryClient writer = client(stack.schemaRegistryUrl())) {
            AvroSerializer<T> serializer = new AvroSerializer<>(writer, Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
            try (KafkaProducer<String, T> producer = new KafkaProducer<>(props, new StringSerializer(), serializer)) {
                producer.send(new ProducerRecord<>(topic, "key", record)).get();
            } catch (Exception e) {
                throw new AssertionError("produce failed", e);
            }
        }
        return consumeOne(stack.bootstrapServers(), topic);
    }

    private static byte[] consumeOne(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader");
        List<byte[]> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
        }
        assertThat(values).hasSize(1);
        return values.get(0);
    }

    private static SchemaRegistryClient client(String url) {
        return HttpSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", url));
    }

    private static byte[] encode(GenericRecord record) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] remaining(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
