package dev.imagecensus.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.avro.ImageEventType;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryException;
import dev.imagecensus.schemas.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class TopicsTest {

    /** Answers register and lookup with id 1 and records the subjects; any other call fails the test. */
    private static final class RecordingClient implements SchemaRegistryClient {
        final List<String> calls = new ArrayList<>();

        @Override
        public int register(String subject, Schema schema) {
            calls.add("register " + subject);
            return 1;
        }

        @Override
        public int lookup(String subject, Schema schema) {
            calls.add("lookup " + subject);
            return 1;
        }

        @Override
        public Schema schemaById(int id) {
            throw new SchemaRegistryException("not expected", null);
        }

        @Override
        public SubjectVersion latest(String subject) {
            throw new AssertionError("not expected");
        }

        @Override
        public SubjectVersion version(String subject, int version) {
            throw new AssertionError("not expected");
        }

        @Override
        public List<String> subjects() {
            throw new AssertionError("not expected");
        }

        @Override
        public List<Integer> versions(String subject) {
            throw new AssertionError("not expected");
        }

        @Override
        public boolean isCompatible(String subject, Schema schema) {
            throw new AssertionError("not expected");
        }

        @Override
        public void close() {
        }
    }

    private final RecordingClient client = new RecordingClient();

    private static ImageEvent event() {
        return ImageEvent.newBuilder().setType(ImageEventType.ADDED).setCluster("c")
                .setNamespace("n").setPodName("p").setPodUid("u").setContainer("c").setImage("nginx")
                .setObservedAt(Instant.EPOCH).build();
    }

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

        assertThat(topics.imageInventory().name()).isEqualTo("t42.image-inventory-x");
        topics.imageEvents().valueSerde().serializer().serialize(topics.imageEvents().name(), event());
        assertThat(client.calls).containsExactly("register t42.image-events-x-value");
    }

    @Test
    void shouldUseStringKeysAndTypedAvroValuesWhenSerializing() {
        Topics.Topic<String, ImageEvent> events = Topics.create(client, Map.of()).imageEvents();

        assertThat(events.keySerde().serializer().serialize(events.name(), "c/u/c"))
                .isEqualTo("c/u/c".getBytes(StandardCharsets.UTF_8));
        assertThat(events.valueSerde()).isInstanceOf(AvroSerde.class);
        byte[] value = events.valueSerde().serializer().serialize(events.name(), event());
        assertThat(value[0]).isZero();
        assertThat(events.valueSerde().serializer().serialize(events.name(), null)).isNull();
    }

    @Test
    void shouldApplySerdeConfigWhenGiven() {
        Topics topics = Topics.create(client, Map.of("auto.register.schemas", "false"));

        topics.imageEvents().valueSerde().serializer().serialize("image-events", event());

        assertThat(client.calls).containsExactly("lookup image-events-value");
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
