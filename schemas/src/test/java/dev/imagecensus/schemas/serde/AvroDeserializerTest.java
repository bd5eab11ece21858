package dev.imagecensus.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.registry.SchemaRegistryException;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroDeserializerTest {

    private static byte[] sampleFrame(int id) {
        return WireFormat.frame(id, AvroBytes.encode(AvroBytes.sampleEventAs(ImageEvent.getClassSchema())));
    }

    @Test
    void shouldReturnNullWithoutRegistryCallWhenBytesAreNull() {
        StubRegistryClient client = StubRegistryClient.failingWith(SchemaRegistryException.IO_ERROR);

        assertThat(new AvroDeserializer<>(client, ImageEvent.class).deserialize("image-events", null)).isNull();
        assertThat(client.calls).isEmpty();
    }

    @Test
    void shouldRejectBeforeRegistryCallWhenMagicByteIsWrong() {
        StubRegistryClient client = StubRegistryClient.failingWith(SchemaRegistryException.IO_ERROR);
        byte[] bytes = sampleFrame(7);
        bytes[0] = 1;

        assertThatThrownBy(() -> new AvroDeserializer<>(client, ImageEvent.class).deserialize("image-events", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic image-events value")
                .hasMessageContaining("magic byte 0x01");
        assertThat(client.calls).isEmpty();
    }

    @Test
    void shouldRejectBeforeRegistryCallWhenPayloadIsShorterThanHeader() {
        StubRegistryClient client = StubRegistryClient.failingWith(SchemaRegistryException.IO_ERROR);
        AvroDeserializer<ImageEvent> deserializer = new AvroDeserializer<>(client, ImageEvent.class);
        deserializer.configure(Map.of(), true);

        assertThatThrownBy(() -> deserializer.deserialize("image-events", new byte[] {0, 0, 0}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic image-events key")
                .hasMessageContaining("3 bytes");
        assertThat(client.calls).isEmpty();
    }

    @Test
    void shouldNameIdWhenRegistryDoesNotKnowIt() {
        StubRegistryClient client = StubRegistryClient.failingWith(SchemaRegistryException.SCHEMA_NOT_FOUND);

        assertThatThrownBy(() -> new AvroDeserializer<>(client, ImageEvent.class).deserialize("image-events", sampleFrame(42)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic image-events value")
                .hasMessageContaining("schema id 42 is unknown to the schema registry")
                .cause().isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));
    }

    @Test
    void shouldRethrowRegistryErrorWhenRegistryIsUnreachable() {
        StubRegistryClient client = StubRegistryClient.failingWith(SchemaRegistryException.IO_ERROR);

        assertThatThrownBy(() -> new AvroDeserializer<>(client, ImageEvent.class).deserialize("image-events", sampleFrame(7)))
                .isExactlyInstanceOf(SchemaRegistryException.class);
    }

    @Test
    void shouldRejectWhenWriterSchemaIsNotARecord() {
        StubRegistryClient client = new StubRegistryClient().withSchemaById(id -> Schema.create(Schema.Type.STRING));

        assertThatThrownBy(() -> new AvroDeserializer<GenericRecord>(client).deserialize("t", sampleFrame(5)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 5 is a STRING");
    }

    @Test
    void shouldFetchWriterSchemaOnceWhenIdRepeats() {
        StubRegistryClient client = new StubRegistryClient().withSchemaById(id -> ImageEvent.getClassSchema());
        AvroDeserializer<ImageEvent> deserializer = new AvroDeserializer<>(client, ImageEvent.class);

        ImageEvent first = deserializer.deserialize("image-events", sampleFrame(9));
        ImageEvent second = deserializer.deserialize("image-events", sampleFrame(9));

        assertThat(first).isEqualTo(AvroBytes.sampleEvent()).isEqualTo(second);
        assertThat(client.calls).containsExactly("schemaById 9");
    }

    @Test
    void shouldReturnGeneratedClassWhenSpecificReaderIsConfigured() {
        StubRegistryClient client = new StubRegistryClient().withSchemaById(id -> ImageEvent.getClassSchema());
        AvroDeserializer<GenericRecord> generic = new AvroDeserializer<>(client);
        AvroDeserializer<GenericRecord> specific = new AvroDeserializer<>(client);
        specific.configure(Map.of("specific.avro.reader", "true"), false);

        assertThat(generic.deserialize("image-events", sampleFrame(9))).isNotInstanceOf(ImageEvent.class);
        assertThat((Object) specific.deserialize("image-events", sampleFrame(9))).isEqualTo(AvroBytes.sampleEvent());
    }

    @Test
    void shouldFailClearlyWhenUsedUnconfigured() {
        assertThatThrownBy(() -> new AvroDeserializer<>(ImageEvent.class).deserialize("image-events", sampleFrame(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema.registry.url");
    }
}
