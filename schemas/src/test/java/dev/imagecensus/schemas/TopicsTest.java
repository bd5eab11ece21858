package dev.imagecensus.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import dev.imagecensus.schemas.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/**
 * Names and serde wiring that need no registry. What the serdes register and write runs against the real
 * embedded registry: {@code TopicsRegistryTest} in the embedded module.
 */
class TopicsTest {

    /** Nothing listens on port 1 and retries are off: any registry call fails the test at once. */
    private final SchemaRegistryClient client = HttpSchemaRegistryClient.fromConfig(
            Map.of("schema.registry.url", "http://127.0.0.1:1", "max.retries", 0));

    @Test
    void shouldBindTheDocumentedNamesWhenCreated() {
        Topics topics = Topics.create(client, Map.of());

        assertThat(topics.all()).extracting(Topics.Topic::name).containsExactly(
                "image-events", "image-classifications", "image-inventory", "image-audit", "image-census-dlq");
        assertThat(topics.imageEvents().name()).isEqualTo(Topics.IMAGE_EVENTS);
        assertThat(topics.deadLetters().name()).isEqualTo(Topics.DEAD_LETTERS);
    }

    @Test
    void shouldAddPrefixAndSuffixWhenConfigured() {
        Topics topics = Topics.builder(client).prefix("t42.").suffix("-x").build();

        assertThat(topics.all()).extracting(Topics.Topic::name).containsExactly("t42.image-events-x",
                "t42.image-classifications-x", "t42.image-inventory-x", "t42.image-audit-x", "t42.image-census-dlq-x");
    }

    @Test
    void shouldUseStringKeysAndTypedAvroValueSerdesWhenCreated() {
        Topics.Topic<String, ImageEvent> events = Topics.create(client, Map.of()).imageEvents();

        assertThat(events.keySerde().serializer().serialize(events.name(), "c/u/c"))
                .isEqualTo("c/u/c".getBytes(StandardCharsets.UTF_8));
        assertThat(events.valueSerde()).isInstanceOf(AvroSerde.class);
        assertThat(events.valueSerde().serializer().serialize(events.name(), null)).isNull();
    }

    @Test
    void shouldRejectBadSerdeConfigWhenCreated() {
        assertThatThrownBy(() -> Topics.create(client, Map.of("auto.register.schemas", "maybe")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("auto.register.schemas");
    }

    @Test
    void shouldRejectIllegalTopicNameWhenPrefixHasSpaces() {
        assertThatThrownBy(() -> Topics.builder(client).prefix("my test ").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("my test image-events");
    }

    @Test
    void shouldExposeAnImmutableListWhenAskedForAll() {
        Topics topics = Topics.create(client, Map.of());

        assertThatThrownBy(() -> topics.all().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
