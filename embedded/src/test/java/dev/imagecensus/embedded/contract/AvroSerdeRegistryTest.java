package dev.imagecensus.embedded.contract;

import static dev.imagecensus.embedded.contract.RegistryClients.client;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistry;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistryConfig;
import dev.imagecensus.embedded.registry.RegistryExtension;
import dev.imagecensus.schemas.avro.ImageAudit;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import dev.imagecensus.schemas.serde.AvroDeserializer;
import dev.imagecensus.schemas.serde.AvroSerde;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link AvroSerde} against the real embedded registry over HTTP, through the real client. */
class AvroSerdeRegistryTest {

    @RegisterExtension
    static final RegistryExtension REGISTRY = new RegistryExtension();

    private final SchemaRegistryClient observer = client(REGISTRY.url());
    private final String topic = REGISTRY.unique("image-events");

    @Test
    void shouldRoundTripThroughItsOwnClientWhenConfiguredWithUrl() {
        ImageAudit audit = SampleRecords.imageAudit();
        try (AvroSerde<ImageAudit> typed = new AvroSerde<>(ImageAudit.class);
             AvroSerde<GenericRecord> generic = new AvroSerde<>()) {
            typed.configure(RegistryClients.config(REGISTRY.url(), Map.of()), false);
            generic.configure(RegistryClients.config(REGISTRY.url(), Map.of()), false);

            byte[] bytes = typed.serializer().serialize(topic, audit);

            assertThat(observer.latest(topic + "-value").schema()).isEqualTo(ImageAudit.getClassSchema());
            assertThat(typed.deserializer().deserialize(topic, bytes)).isEqualTo(audit);
            assertThat(generic.deserializer().deserialize(topic, bytes).get("image")).hasToString(audit.getImage());
        }
    }

    @Test
    void shouldUseKeySubjectAndLeaveSharedClientAndItsCacheOpenWhenClosed() {
        ImageEvent event = SampleRecords.imageEvent();
        SchemaRegistryClient shared;
        byte[] bytes;
        try (EmbeddedSchemaRegistry own = EmbeddedSchemaRegistry.start(EmbeddedSchemaRegistryConfig.inMemory())) {
            shared = client(own.url());
            AvroSerde<ImageEvent> serde = new AvroSerde<>(shared, ImageEvent.class);
            serde.configure(Map.of(), true);
            bytes = serde.serializer().serialize(topic, event);
            serde.close();

            assertThat(client(own.url()).subjects()).containsExactly(topic + "-key");
        }

        // Registry gone: the shared client still answers from the cache the serde filled and did not clear.
        assertThat(shared.register(topic + "-key", ImageEvent.getClassSchema())).isEqualTo(AvroBodies.id(bytes));
        AvroDeserializer<ImageEvent> keys = new AvroDeserializer<>(shared, ImageEvent.class);
        keys.configure(Map.of(), true);
        assertThat(keys.deserialize(topic, bytes)).isEqualTo(event);
    }
}
