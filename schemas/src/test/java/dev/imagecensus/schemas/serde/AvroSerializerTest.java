package dev.imagecensus.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the serializer decides before it needs a registry. Everything that talks to one runs against the real
 * embedded registry: {@code AvroSerializerRegistryTest} in the embedded module.
 */
class AvroSerializerTest {

    /** Nothing listens on port 1 and retries are off: any registry call fails the test at once. */
    private static final SchemaRegistryClient UNREACHABLE = HttpSchemaRegistryClient.fromConfig(
            Map.of("schema.registry.url", "http://127.0.0.1:1", "max.retries", 0));

    @Test
    void shouldReturnNullWithoutRegistryCallWhenRecordIsNull() {
        assertThat(new AvroSerializer<ImageEvent>(UNREACHABLE).serialize("image-events", null)).isNull();
        assertThat(new AvroSerializer<ImageEvent>(UNREACHABLE, Map.of("auto.register.schemas", "false"), true)
                .serialize("image-events", null)).isNull();
    }

    @Test
    void shouldFailClearlyWhenUsedUnconfigured() {
        assertThatThrownBy(() -> new AvroSerializer<ImageEvent>().serialize("image-events", AvroBytes.sampleEvent()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void shouldNameSubjectsByTopicWhenKeyOrValue() {
        assertThat(TopicNameStrategy.subject("image-audit", false)).isEqualTo("image-audit-value");
        assertThat(TopicNameStrategy.subject("image-audit", true)).isEqualTo("image-audit-key");
    }
}
