package dev.imagecensus.embedded.contract;

import static dev.imagecensus.embedded.contract.RegistryClients.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistry;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistryConfig;
import dev.imagecensus.embedded.registry.RegistryExtension;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryException;
import dev.imagecensus.schemas.serde.AvroDeserializer;
import dev.imagecensus.schemas.serde.AvroSerializer;
import dev.imagecensus.schemas.serde.WireFormat;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link AvroDeserializer} against the real embedded registry over HTTP, through the real client. */
class AvroDeserializerRegistryTest {

    private static final ImageEvent EVENT = SampleRecords.imageEvent();

    @RegisterExtension
    static final RegistryExtension REGISTRY = new RegistryExtension();

    /** The reader's client: shares no cache with the writer's. */
    private final SchemaRegistryClient client = client(REGISTRY.url());
    private final String topic = REGISTRY.unique("image-events");

    /** Bytes as another process would write them, registering under the topic's value subject. */
    private static byte[] written(String url, String topic) {
        return new AvroSerializer<ImageEvent>(client(url)).serialize(topic, EVENT);
    }

    /** {@code framed} with its schema id replaced. */
    private static byte[] withId(byte[] framed, int id) {
        return WireFormat.frame(id, Arrays.copyOfRange(framed, WireFormat.HEADER_SIZE, framed.length));
    }

    @Test
    void shouldReadTheGeneratedClassWhenBuiltWithIt() {
        byte[] bytes = written(REGISTRY.url(), topic);

        assertThat(new AvroDeserializer<>(client, ImageEvent.class).deserialize(topic, bytes)).isEqualTo(EVENT);
    }

    @Test
    void shouldReturnGeneratedClassOnlyWhenSpecificReaderIsConfigured() {
        byte[] bytes = written(REGISTRY.url(), topic);
        AvroDeserializer<GenericRecord> generic = new AvroDeserializer<>(client);
        AvroDeserializer<GenericRecord> specific = new AvroDeserializer<>(client);
        specific.configure(Map.of("specific.avro.reader", "true"), false);

        GenericRecord record = generic.deserialize(topic, bytes);
        assertThat(record).isNotInstanceOf(ImageEvent.class);
        assertThat(record.get("podName")).hasToString(EVENT.getPodName());
        assertThat((Object) specific.deserialize(topic, bytes)).isEqualTo(EVENT);
    }

    @Test
    void shouldNameTopicAndIdWhenRegistryDoesNotKnowIt() {
        byte[] unknown = withId(written(REGISTRY.url(), topic), 987_654);

        assertThatThrownBy(() -> new AvroDeserializer<>(client, ImageEvent.class).deserialize(topic, unknown))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic " + topic + " value")
                .hasMessageContaining("schema id 987654 is unknown to the schema registry")
                .cause().isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));
    }

    @Test
    void shouldRejectWhenWriterSchemaIsNotARecord() {
        int stringId = client(REGISTRY.url()).register(topic + "-value", Schema.create(Schema.Type.STRING));
        byte[] bytes = withId(written(REGISTRY.url(), REGISTRY.unique("elsewhere")), stringId);

        assertThatThrownBy(() -> new AvroDeserializer<GenericRecord>(client).deserialize(topic, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id " + stringId + " is a STRING");
    }

    @Test
    void shouldRethrowRegistryErrorNotSerializationExceptionWhenRegistryIsDown() {
        byte[] bytes = written(REGISTRY.url(), topic);
        AvroDeserializer<ImageEvent> deserializer = new AvroDeserializer<>(client(RegistryClients.deadUrl()), ImageEvent.class);

        // Outages must not look like bad records: callers dead-letter SerializationExceptions.
        assertThatThrownBy(() -> deserializer.deserialize(topic, bytes))
                .isExactlyInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(SchemaRegistryException.IO_ERROR));
    }

    @Test
    void shouldReadAgainWithoutTheRegistryWhenIdRepeats() {
        byte[] bytes;
        ImageEvent first;
        AvroDeserializer<ImageEvent> deserializer;
        try (EmbeddedSchemaRegistry own = EmbeddedSchemaRegistry.start(EmbeddedSchemaRegistryConfig.inMemory())) {
            bytes = written(own.url(), topic);
            deserializer = new AvroDeserializer<>(client(own.url()), ImageEvent.class);
            first = deserializer.deserialize(topic, bytes);
        }

        // The registry is gone: only the cached writer schema can answer now.
        assertThat(deserializer.deserialize(topic, bytes)).isEqualTo(first).isEqualTo(EVENT);
        assertThatThrownBy(() -> deserializer.deserialize(topic, withId(bytes, AvroBodies.id(bytes) + 1)))
                .isExactlyInstanceOf(SchemaRegistryException.class);
    }
}
