package dev.imagecensus.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * What the deserializer rejects before it asks a registry. Everything that talks to one runs against the real
 * embedded registry: {@code AvroDeserializerRegistryTest} in the embedded module.
 */
class AvroDeserializerTest {

    /**
     * Nothing listens on port 1 and retries are off: a registry call would throw SchemaRegistryException at once,
     * so a SerializationException about the bytes proves the registry was never asked.
     */
    private static final SchemaRegistryClient UNREACHABLE = HttpSchemaRegistryClient.fromConfig(
            Map.of("schema.registry.url", "http://127.0.0.1:1", "max.retries", 0));

    private static byte[] sampleFrame(int id) {
        return WireFormat.frame(id, AvroBytes.encode(AvroBytes.sampleEventAs(ImageEvent.getClassSchema())));
    }

    @Test
    void shouldReturnNullWithoutRegistryCallWhenBytesAreNull() {
        assertThat(new AvroDeserializer<>(UNREACHABLE, ImageEvent.class).deserialize("image-events", null)).isNull();
    }

    @Test
    void shouldRejectBeforeRegistryCallWhenMagicByteIsWrong() {
        byte[] bytes = sampleFrame(7);
        bytes[0] = 1;

        assertThatThrownBy(() -> new AvroDeserializer<>(UNREACHABLE, ImageEvent.class).deserialize("image-events", bytes))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessageContaining("topic image-events value")
                .hasMessageContaining("magic byte 0x01");
    }

    @Test
    void shouldRejectBeforeRegistryCallWhenPayloadIsShorterThanHeader() {
        AvroDeserializer<ImageEvent> deserializer = new AvroDeserializer<>(UNREACHABLE, ImageEvent.class);
        deserializer.configure(Map.of(), true);

        assertThatThrownBy(() -> deserializer.deserialize("image-events", new byte[] {0, 0, 0}))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessageContaining("topic image-events key")
                .hasMessageContaining("3 bytes");
    }

    @Test
    void shouldFailClearlyWhenUsedUnconfigured() {
        assertThatThrownBy(() -> new AvroDeserializer<>(ImageEvent.class).deserialize("image-events", sampleFrame(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema.registry.url");
    }
}
