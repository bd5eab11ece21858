package dev.imagecensus.embedded.contract;

import static dev.imagecensus.embedded.contract.AvroBodies.decode;
import static dev.imagecensus.embedded.contract.AvroBodies.id;
import static dev.imagecensus.embedded.contract.RegistryClients.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistry;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistryConfig;
import dev.imagecensus.embedded.registry.RegistryExtension;
import dev.imagecensus.embedded.registry.SchemaStore;
import dev.imagecensus.embedded.registry.SchemaStoreException;
import dev.imagecensus.embedded.registry.StoreRecord;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient.SubjectVersion;
import dev.imagecensus.schemas.registry.SchemaRegistryException;
import dev.imagecensus.schemas.serde.AvroDeserializer;
import dev.imagecensus.schemas.serde.AvroSerializer;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link AvroSerializer} against the real embedded registry over HTTP, through the real client. */
class AvroSerializerRegistryTest {

    private static final ImageEvent EVENT = SampleRecords.imageEvent();
    private static final Schema SCHEMA = ImageEvent.getClassSchema();
    private static final Map<String, Object> LOOKUP = Map.of("auto.register.schemas", "false");
    private static final Map<String, Object> LATEST = Map.of("auto.register.schemas", false, "use.latest.version", true);

    @RegisterExtension
    static final RegistryExtension REGISTRY = new RegistryExtension();

    private final SchemaRegistryClient client = client(REGISTRY.url());
    /** Shares nothing with {@link #client}: what any other process would see in the registry. */
    private final SchemaRegistryClient observer = client(REGISTRY.url());
    private final String topic = REGISTRY.unique("image-events");
    private final String subject = topic + "-value";

    /** The three ways the serializer finds its schema id. */
    static Stream<Arguments> modes() {
        return Stream.of(Arguments.of("auto-register", Map.of()), Arguments.of("look up", LOOKUP),
                Arguments.of("use latest", LATEST));
    }

    @Test
    void shouldRegisterUnderValueSubjectAndFrameItsIdWhenAutoRegisterIsOn() {
        byte[] bytes = new AvroSerializer<ImageEvent>(client, Map.of(), false).serialize(topic, EVENT);

        SubjectVersion registered = observer.latest(subject);
        assertThat(registered.schema()).isEqualTo(SCHEMA);
        assertThat(observer.versions(subject)).containsExactly(1);
        assertThat(observer.subjects()).doesNotContain(topic + "-key");
        assertThat(id(bytes)).isEqualTo(registered.id());
        GenericRecord body = decode(bytes, SCHEMA);
        assertThat(body.get("cluster")).hasToString("prod-eu");
        assertThat(body.get("type")).hasToString("UPDATED");
        assertThat(body.get("observedAt")).isEqualTo(SampleRecords.NOW.toEpochMilli());
        assertThat(body.get("nodeName")).hasToString("node-1");
    }

    @Test
    void shouldRegisterUnderKeySubjectWhenConfiguredForKeys() {
        byte[] bytes = new AvroSerializer<ImageEvent>(client, Map.of(), true).serialize(topic, EVENT);

        assertThat(observer.subjects()).contains(topic + "-key").doesNotContain(subject);
        assertThat(id(bytes)).isEqualTo(observer.latest(topic + "-key").id());
    }

    @Test
    void shouldWriteWithTheIdOfItsOwnSchemaAndRegisterNothingWhenAutoRegisterIsOff() {
        int registered = observer.register(subject, SCHEMA);
        int latest = observer.register(subject, AvroBodies.withFirstStringField(SCHEMA, "tenant", "none"));

        byte[] bytes = new AvroSerializer<ImageEvent>(client, LOOKUP, false).serialize(topic, EVENT);

        assertThat(id(bytes)).isEqualTo(registered).isNotEqualTo(latest);
        assertThat(observer.versions(subject)).containsExactly(1, 2);
    }

    @Test
    void shouldNameTopicAndSubjectAndCreateNoSubjectWhenLookupFindsNoSubject() {
        AvroSerializer<ImageEvent> serializer = new AvroSerializer<>(client, LOOKUP, false);

        assertThatThrownBy(() -> serializer.serialize(topic, EVENT))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic " + topic + " value")
                .hasMessageContaining("looking up dev.imagecensus.schemas.avro.ImageEvent under subject " + subject)
                .cause().isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND));
        assertThat(observer.subjects()).doesNotContain(subject);
    }

    @Test
    void shouldThrowSerializationExceptionWhenSubjectLacksTheSchema() {
        observer.register(subject, Schema.create(Schema.Type.STRING));
        AvroSerializer<ImageEvent> serializer = new AvroSerializer<>(client, LOOKUP, false);

        assertThatThrownBy(() -> serializer.serialize(topic, EVENT))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("subject " + subject)
                .cause().isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));
        assertThat(observer.versions(subject)).containsExactly(1);
    }

    @Test
    void shouldWriteWithLatestIdWhenUseLatestVersionIsOn() {
        int latest = observer.register(subject, SCHEMA);

        byte[] bytes = new AvroSerializer<ImageEvent>(client, LATEST, false).serialize(topic, EVENT);

        assertThat(id(bytes)).isEqualTo(latest);
        assertThat(decode(bytes, SCHEMA).get("podUid")).hasToString(EVENT.getPodUid());
    }

    @Test
    void shouldConvertRecordIntoLatestSchemaWhenLatestDiffers() {
        // The latest version has a new field with a default, placed first so every position shifts.
        Schema latest = AvroBodies.withFirstStringField(SCHEMA, "tenant", "none");
        observer.register(subject, SCHEMA);
        int latestId = observer.register(subject, latest);
        Map<String, Object> configs = Map.of("auto.register.schemas", "false", "use.latest.version", "true");

        byte[] bytes = new AvroSerializer<ImageEvent>(client, configs, false).serialize(topic, EVENT);

        assertThat(id(bytes)).isEqualTo(latestId);
        GenericRecord body = decode(bytes, latest);
        assertThat(body.get("tenant")).hasToString("none");
        assertThat(body.get("cluster")).hasToString("prod-eu");
        assertThat(body.get("observedAt")).isEqualTo(SampleRecords.NOW.toEpochMilli());
        AvroDeserializer<ImageEvent> reader = new AvroDeserializer<>(client(REGISTRY.url()), ImageEvent.class);
        assertThat(reader.deserialize(topic, bytes)).isEqualTo(EVENT);
    }

    @Test
    void shouldNameTopicAndSubjectWhenUseLatestVersionFindsNoSubject() {
        AvroSerializer<ImageEvent> serializer = new AvroSerializer<>(client, LATEST, false);

        assertThatThrownBy(() -> serializer.serialize(topic, EVENT))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic " + topic + " value")
                .hasMessageContaining("fetching the latest version of dev.imagecensus.schemas.avro.ImageEvent under subject " + subject);
    }

    @Test
    void shouldRegisterAndWriteGenericRecordWhenGivenOne() {
        Schema schema = Schema.createRecord("Probe", null, "test", false,
                List.of(new Schema.Field("name", Schema.create(Schema.Type.STRING))));
        GenericRecord record = new GenericData.Record(schema);
        record.put("name", "x");

        byte[] bytes = new AvroSerializer<GenericRecord>(client).serialize(topic, record);

        assertThat(observer.latest(subject).schema()).isEqualTo(schema);
        assertThat(id(bytes)).isEqualTo(observer.latest(subject).id());
        assertThat(decode(bytes, schema).get("name")).hasToString("x");
    }

    @Test
    void shouldThrowSerializationExceptionAndKeepVersionsWhenSchemaIsIncompatible() {
        Schema unrelated = SchemaBuilder.record("ImageEvent").namespace("dev.imagecensus.schemas.avro").fields()
                .requiredString("tenant").endRecord();
        observer.register(subject, unrelated);

        assertThatThrownBy(() -> new AvroSerializer<ImageEvent>(client).serialize(topic, EVENT))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("registering dev.imagecensus.schemas.avro.ImageEvent under subject " + subject)
                .cause().isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INCOMPATIBLE_SCHEMA));
        assertThat(observer.versions(subject)).containsExactly(1);
    }

    @Test
    void shouldNameTopicAndRegisteredIdWhenRecordBreaksItsSchema() {
        ImageEvent broken = SampleRecords.imageEvent();
        broken.setCluster(null);

        assertThatThrownBy(() -> new AvroSerializer<ImageEvent>(client).serialize(topic, broken))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic " + topic + " value")
                .hasMessageContaining("schema id " + observer.latest(subject).id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void shouldRethrowRegistryErrorNotSerializationExceptionWhenRegistryIsDown(String mode, Map<String, ?> configs) {
        AvroSerializer<ImageEvent> serializer = new AvroSerializer<>(client(RegistryClients.deadUrl()), configs, false);

        // Outages must not look like bad records: callers dead-letter SerializationExceptions.
        assertThatThrownBy(() -> serializer.serialize(topic, EVENT))
                .isExactlyInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(SchemaRegistryException.IO_ERROR));
    }

    @Test
    void shouldRethrowRegistryErrorNotSerializationExceptionWhenRegistryFails() {
        try (EmbeddedSchemaRegistry failing = EmbeddedSchemaRegistry.start(
                EmbeddedSchemaRegistryConfig.inMemory().withStore(() -> new FullDisk()))) {
            AvroSerializer<ImageEvent> serializer = new AvroSerializer<>(client(failing.url()));

            assertThatThrownBy(() -> serializer.serialize(topic, EVENT))
                    .isExactlyInstanceOf(SchemaRegistryException.class)
                    .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(SchemaRegistryException.STORE_ERROR));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void shouldWriteAgainWithoutTheRegistryWhenSameSchemaRepeats(String mode, Map<String, ?> configs) {
        byte[] first;
        AvroSerializer<ImageEvent> serializer;
        try (EmbeddedSchemaRegistry own = EmbeddedSchemaRegistry.start(EmbeddedSchemaRegistryConfig.inMemory())) {
            if (!configs.isEmpty()) {
                client(own.url()).register(subject, SCHEMA);
            }
            serializer = new AvroSerializer<>(client(own.url()), configs, false);
            first = serializer.serialize(topic, EVENT);
        }

        // The registry is gone: only the client's cache can answer now.
        assertThat(serializer.serialize(topic, EVENT)).isEqualTo(first);
        assertThatThrownBy(() -> serializer.serialize(REGISTRY.unique("other-topic"), EVENT))
                .isExactlyInstanceOf(SchemaRegistryException.class);
    }

    /** A store whose every write fails: the registry answers 500 / 50001. */
    private static final class FullDisk implements SchemaStore {
        @Override
        public void replay(Consumer<StoreRecord> sink) {
        }

        @Override
        public void append(StoreRecord record) {
            throw new SchemaStoreException("no space left on device");
        }

        @Override
        public void close() {
        }
    }
}
