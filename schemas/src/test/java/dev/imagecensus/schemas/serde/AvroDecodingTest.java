package dev.imagecensus.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imagecensus.schemas.avro.ContainerType;
import dev.imagecensus.schemas.avro.ImageEvent;
import java.util.Arrays;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroDecodingTest {

    private static final String WHERE = "topic image-events value";

    private static ImageEvent readAsImageEvent(Schema writer, byte[] framed) {
        DatumReader<ImageEvent> reader = AvroDecoding.specificReader(writer, ImageEvent.class, 5, WHERE);
        return AvroDecoding.decode(reader, framed, 5, WHERE);
    }

    private static byte[] framedSample(Schema writer) {
        return WireFormat.frame(5, AvroBytes.encode(AvroBytes.sampleEventAs(writer)));
    }

    @Test
    void shouldFillDefaultsWhenWriterIsAnOlderVersion() {
        Set<String> addedLater = Set.of("containerType", "nodeName", "ownerKind", "ownerName", "resourceVersion");
        Schema older = AvroBytes.imageEventSchemaWith(fields -> {
            for (int i = fields.size() - 1; i >= 0; i--) {
                JsonNode field = fields.get(i);
                if (addedLater.contains(field.get("name").asText())) {
                    fields.remove(i);
                }
            }
        });

        ImageEvent event = readAsImageEvent(older, framedSample(older));

        assertThat(event.getContainer()).isEqualTo("nginx");
        assertThat(event.getObservedAt()).isEqualTo(AvroBytes.OBSERVED_AT);
        assertThat(event.getContainerType()).isEqualTo(ContainerType.APP);
        assertThat(event.getOwnerKind()).isEqualTo("Pod");
        assertThat(event.getNodeName()).isNull();
    }

    @Test
    void shouldSkipUnknownFieldWhenWriterIsANewerVersion() {
        Schema newer = AvroBytes.imageEventSchemaWith(fields -> fields.insertObject(2)
                .put("name", "labels").put("type", "string").put("default", ""));

        assertThat(readAsImageEvent(newer, framedSample(newer))).isEqualTo(AvroBytes.sampleEvent());
    }

    @Test
    void shouldNameIdAndClassWhenWriterCannotBeRead() {
        Schema other = SchemaBuilder.record("ImageEvent").namespace("dev.imagecensus.schemas.avro").fields()
                .requiredInt("cluster").endRecord();

        assertThatThrownBy(() -> AvroDecoding.specificReader(other, ImageEvent.class, 5, WHERE))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(WHERE)
                .hasMessageContaining("writer schema id 5")
                .hasMessageContaining("cannot be read as dev.imagecensus.schemas.avro.ImageEvent");
    }

    @Test
    void shouldRejectBodyWhenTruncated() {
        byte[] framed = framedSample(ImageEvent.getClassSchema());
        byte[] truncated = Arrays.copyOf(framed, framed.length - 3);

        assertThatThrownBy(() -> readAsImageEvent(ImageEvent.getClassSchema(), truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(WHERE)
                .hasMessageContaining("schema id 5")
                .hasMessageContaining("truncated");
    }

    @Test
    void shouldRejectBodyWhenTrailingBytesFollowTheRecord() {
        byte[] framed = framedSample(ImageEvent.getClassSchema());
        byte[] padded = Arrays.copyOf(framed, framed.length + 2);

        assertThatThrownBy(() -> readAsImageEvent(ImageEvent.getClassSchema(), padded))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(WHERE)
                .hasMessageContaining("schema id 5")
                .hasMessageContaining("2 trailing bytes");
    }

    @Test
    void shouldRejectBodyWhenItIsNotAvroOfThatSchema() {
        byte[] framed = framedSample(ImageEvent.getClassSchema());
        framed[WireFormat.HEADER_SIZE] = 0x7e; // enum index 63 of a 3-symbol enum

        assertThatThrownBy(() -> readAsImageEvent(ImageEvent.getClassSchema(), framed))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 5")
                .hasMessageContaining("corrupt");
    }

    @Test
    void shouldReadWriterSchemaWhenGeneric() {
        GenericRecord record = AvroDecoding.decode(AvroDecoding.genericReader(ImageEvent.getClassSchema()),
                framedSample(ImageEvent.getClassSchema()), 5, WHERE);

        assertThat(record.get("podName")).hasToString("web-1");
    }

    @Test
    void shouldFindGeneratedClassWhenOneMatchesTheName() {
        assertThat(AvroDecoding.generatedClass(ImageEvent.getClassSchema())).isEqualTo(ImageEvent.class);
        assertThat(AvroDecoding.generatedClass(SchemaBuilder.record("Nope").namespace("x.y").fields().endRecord())).isNull();
    }
}
