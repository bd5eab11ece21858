package dev.imagecensus.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagecensus.schemas.avro.ImageEvent;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/** Construction and configuration; round trips run against the real registry in {@code AvroSerdeRegistryTest} (embedded). */
class AvroSerdeTest {

    @Test
    void shouldBeCreatableByKafkaReflectionWhenNamedInConfig() {
        assertThat(Utils.newInstance(AvroSerde.class)).isNotNull();
        assertThat(Utils.newInstance(AvroSerializer.class)).isNotNull();
        assertThat(Utils.newInstance(AvroDeserializer.class)).isNotNull();
    }

    @Test
    void shouldBuildItsOwnClientWhenConfiguredWithUrl() {
        try (AvroSerde<GenericRecord> serde = new AvroSerde<>()) {
            serde.configure(Map.of("schema.registry.url", "http://127.0.0.1:1", "max.retries", 0), false);

            assertThat(serde.serializer().serialize("t", null)).isNull();
            assertThat(serde.deserializer().deserialize("t", null)).isNull();
            // Framing is checked before the (unreachable) registry would be asked.
            assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {1, 2}))
                    .isInstanceOf(SerializationException.class);
        }
    }

    @Test
    void shouldNameUrlKeyWhenConfiguredWithoutUrl() {
        try (AvroSerde<ImageEvent> serde = new AvroSerde<>(ImageEvent.class)) {
            assertThatThrownBy(() -> serde.configure(Map.of("auto.register.schemas", "true"), false))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("schema.registry.url");
        }
    }
}
