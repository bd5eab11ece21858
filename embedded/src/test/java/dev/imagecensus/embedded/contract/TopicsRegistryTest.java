package dev.imagecensus.embedded.contract;

import static dev.imagecensus.embedded.contract.RegistryClients.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagecensus.embedded.registry.RegistryExtension;
import dev.imagecensus.schemas.Topics;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Topics}' serdes against the real embedded registry over HTTP, through the real client. */
class TopicsRegistryTest {

    @RegisterExtension
    static final RegistryExtension REGISTRY = new RegistryExtension();

    private final SchemaRegistryClient client = client(REGISTRY.url());
    private final SchemaRegistryClient observer = client(REGISTRY.url());
    private final String prefix = REGISTRY.unique("t") + ".";

    @Test
    void shouldRegisterEachTopicsOwnSchemaUnderItsPrefixedValueSubjectWhenSerializing() {
        Topics topics = Topics.builder(client).prefix(prefix).suffix("-x").build();

        roundTrip(topics.imageEvents(), SampleRecords.imageEvent());
        roundTrip(topics.imageClassifications(), SampleRecords.imageClassification());
        roundTrip(topics.imageInventory(), SampleRecords.imageInventory());
        roundTrip(topics.imageAudit(), SampleRecords.imageAudit());
        roundTrip(topics.deadLetters(), SampleRecords.deadLetter());

        assertThat(observer.subjects()).filteredOn(s -> s.startsWith(prefix)).containsExactlyInAnyOrder(
                prefix + "image-events-x-value", prefix + "image-classifications-x-value",
                prefix + "image-inventory-x-value", prefix + "image-audit-x-value", prefix + "image-census-dlq-x-value");
    }

    @Test
    void shouldUseStringKeysAndTypedAvroValuesWhenSerializing() {
        Topics.Topic<String, ImageEvent> events = Topics.builder(client).prefix(prefix).build().imageEvents();

        assertThat(events.keySerde().serializer().serialize(events.name(), "c/u/c"))
                .isEqualTo("c/u/c".getBytes(StandardCharsets.UTF_8));
        byte[] value = events.valueSerde().serializer().serialize(events.name(), SampleRecords.imageEvent());
        assertThat(value[0]).isZero();
        ImageEvent read = events.valueSerde().deserializer().deserialize(events.name(), value);
        assertThat(read).isEqualTo(SampleRecords.imageEvent());
        assertThat(events.valueSerde().serializer().serialize(events.name(), null)).isNull();
    }

    @Test
    void shouldLookUpInsteadOfRegisteringWhenSerdeConfigSaysSo() {
        Topics topics = Topics.builder(client).prefix(prefix).serdeConfig(Map.of("auto.register.schemas", "false")).build();
        Topics.Topic<String, ImageEvent> events = topics.imageEvents();
        String subject = events.name() + "-value";

        assertThatThrownBy(() -> events.valueSerde().serializer().serialize(events.name(), SampleRecords.imageEvent()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("looking up")
                .hasMessageContaining("subject " + subject);
        assertThat(observer.subjects()).doesNotContain(subject);

        int id = observer.register(subject, ImageEvent.getClassSchema());
        byte[] value = events.valueSerde().serializer().serialize(events.name(), SampleRecords.imageEvent());
        assertThat(AvroBodies.id(value)).isEqualTo(id);
    }

    private <V extends SpecificRecord> void roundTrip(Topics.Topic<String, V> topic, V record) {
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), record);

        assertThat(observer.latest(topic.name() + "-value").schema()).isEqualTo(record.getSchema());
        assertThat(AvroBodies.id(bytes)).isEqualTo(observer.latest(topic.name() + "-value").id());
        assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), bytes)).isEqualTo(record);
    }
}
