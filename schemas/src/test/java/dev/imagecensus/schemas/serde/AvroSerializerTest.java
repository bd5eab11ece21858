package dev.imagecensus.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.registry.SchemaRegistryClient.SubjectVersion;
import dev.imagecensus.schemas.registry.SchemaRegistryException;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerializerTest {

    private static final ImageEvent EVENT = AvroBytes.sampleEvent();

    @Test
    void shouldReturnNullWithoutRegistryCallWhenRecordIsNull() {
        StubRegistryClient client = StubRegistryClient.failingWith(SchemaRegistryException.IO_ERROR);

        assertThat(new AvroSerializer<ImageEvent>(client).serialize("image-events", null)).isNull();
        assertThat(client.calls).isEmpty();
    }

    @Test
    void shouldFrameRegisteredIdAndAvroBodyWhenAutoRegisterIsOn() {
        StubRegistryClient client = StubRegistryClient.answeringId(7);

        byte[] bytes = new AvroSerializer<ImageEvent>(client, Map.of(), false).serialize("image-events", EVENT);

        assertThat(client.calls).containsExactly("register image-events-value");
        WireFormat.Frame frame = WireFormat.parse(bytes, "test");
        assertThat(frame.schemaId()).isEqualTo(7);
        GenericRecord body = AvroBytes.decode(AvroBytes.body(bytes), ImageEvent.getClassSchema());
        assertThat(body.get("cluster")).hasToString("c1");
        assertThat(body.get("type")).hasToString("ADDED");
        assertThat(body.get("observedAt")).isEqualTo(AvroBytes.OBSERVED_AT.toEpochMilli());
        assertThat(body.get("nodeName")).isNull();
    }

    @Test
    void shouldUseKeySubjectWhenConfiguredForKeys() {
        StubRegistryClient client = StubRegistryClient.answeringId(3);

        new AvroSerializer<ImageEvent>(client, Map.of(), true).serialize("image-events", EVENT);

        assertThat(client.calls).containsExactly("register image-events-key");
    }

    @Test
    void shouldLookUpIdWhenAutoRegisterIsOff() {
        StubRegistryClient client = StubRegistryClient.answeringId(11);

        byte[] bytes = new AvroSerializer<ImageEvent>(client, Map.of("auto.register.schemas", "false"), false)
                .serialize("image-events", EVENT);

        assertThat(client.calls).containsExactly("lookup image-events-value");
        assertThat(WireFormat.parse(bytes, "test").schemaId()).isEqualTo(11);
    }

    @Test
    void shouldWriteWithLatestIdWhenUseLatestVersionIsOn() {
        StubRegistryClient client = new StubRegistryClient()
                .withLatest(new SubjectVersion("image-events-value", 4, 21, ImageEvent.getClassSchema()));
        Map<String, Object> configs = Map.of("auto.register.schemas", false, "use.latest.version", true);

        byte[] bytes = new AvroSerializer<ImageEvent>(client, configs, false).serialize("image-events", EVENT);

        assertThat(client.calls).containsExactly("latest image-events-value");
        assertThat(WireFormat.parse(bytes, "test").schemaId()).isEqualTo(21);
        assertThat(AvroBytes.decode(AvroBytes.body(bytes), ImageEvent.getClassSchema()).get("podUid")).hasToString("uid-1");
    }

    @Test
    void shouldResolveRecordIntoLatestSchemaWhenLatestDiffers() {
        // The registered latest version has a new field with a default, placed first so positions shift.
        Schema latest = AvroBytes.imageEventSchemaWith(fields -> fields.insertObject(0)
                .put("name", "tenant").put("default", "none").put("type", "string"));
        StubRegistryClient client = new StubRegistryClient().withLatest(new SubjectVersion("image-events-value", 5, 30, latest));
        Map<String, Object> configs = Map.of("auto.register.schemas", "false", "use.latest.version", "true");

        byte[] bytes = new AvroSerializer<ImageEvent>(client, configs, false).serialize("image-events", EVENT);

        GenericRecord body = AvroBytes.decode(AvroBytes.body(bytes), latest);
        assertThat(body.get("tenant")).hasToString("none");
        assertThat(body.get("cluster")).hasToString("c1");
        assertThat(body.get("observedAt")).isEqualTo(AvroBytes.OBSERVED_AT.toEpochMilli());
    }

    @Test
    void shouldWriteGenericRecordWhenGivenOne() {
        Schema schema = Schema.createRecord("Probe", null, "test", false,
                List.of(new Schema.Field("name", Schema.create(Schema.Type.STRING))));
        GenericRecord record = new GenericData.Record(schema);
        record.put("name", "x");
        StubRegistryClient client = StubRegistryClient.answeringId(2);

        byte[] bytes = new AvroSerializer<GenericRecord>(client).serialize("probes", record);

        assertThat(client.calls).containsExactly("register probes-value");
        assertThat(AvroBytes.decode(AvroBytes.body(bytes), schema).get("name")).hasToString("x");
    }

    @Test
    void shouldThrowSerializationExceptionWhenSchemaIsNotRegistered() {
        StubRegistryClient client = StubRegistryClient.failingWith(SchemaRegistryException.SUBJECT_NOT_FOUND);
        AvroSerializer<ImageEvent> serializer = new AvroSerializer<>(client, Map.of("auto.register.schemas", "false"), false);

        assertThatThrownBy(() -> serializer.serialize("image-events", EVENT))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic image-events value")
                .hasMessageContaining("subject image-events-value")
                .hasCauseInstanceOf(SchemaRegistryException.class);
    }

    @Test
    void shouldThrowSerializationExceptionWhenSchemaIsIncompatible() {
        StubRegistryClient client = StubRegistryClient.failingWith(SchemaRegistryException.INCOMPATIBLE_SCHEMA);

        assertThatThrownBy(() -> new AvroSerializer<ImageEvent>(client).serialize("image-events", EVENT))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("registering dev.imagecensus.schemas.avro.ImageEvent");
    }

    @Test
    void shouldRethrowRegistryErrorWhenRegistryIsUnreachable() {
        StubRegistryClient client = StubRegistryClient.failingWith(SchemaRegistryException.IO_ERROR);

        assertThatThrownBy(() -> new AvroSerializer<ImageEvent>(client).serialize("image-events", EVENT))
                .isExactlyInstanceOf(SchemaRegistryException.class);
    }

    @Test
    void shouldNameTopicWhenRecordBreaksItsSchema() {
        ImageEvent broken = AvroBytes.sampleEvent();
        broken.setCluster(null);

        assertThatThrownBy(() -> new AvroSerializer<ImageEvent>(StubRegistryClient.answeringId(7)).serialize("image-events", broken))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic image-events value")
                .hasMessageContaining("schema id 7");
    }

    @Test
    void shouldFailClearlyWhenUsedUnconfigured() {
        assertThatThrownBy(() -> new AvroSerializer<ImageEvent>().serialize("image-events", EVENT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void shouldNameSubjectsByTopicWhenKeyOrValue() {
        assertThat(TopicNameStrategy.subject("image-audit", false)).isEqualTo("image-audit-value");
        assertThat(TopicNameStrategy.subject("image-audit", true)).isEqualTo("image-audit-key");
    }
}
