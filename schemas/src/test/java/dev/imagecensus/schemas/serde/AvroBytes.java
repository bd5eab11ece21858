package dev.imagecensus.schemas.serde;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.avro.ImageEventType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/** Test helper: Avro bodies encoded and decoded directly with Avro, independent of the serde under test. */
final class AvroBytes {

    static final Instant OBSERVED_AT = Instant.parse("2025-03-01T12:00:00Z");

    private AvroBytes() {
    }

    static ImageEvent sampleEvent() {
        return ImageEvent.newBuilder()
                .setType(ImageEventType.ADDED)
                .setCluster("c1")
                .setNamespace("default")
                .setPodName("web-1")
                .setPodUid("uid-1")
                .setContainer("nginx")
                .setImage("nginx:1.27")
                .setImageRef("docker.io/library/nginx:1.27")
                .setObservedAt(OBSERVED_AT)
                .build();
    }

    static byte[] encode(GenericRecord record) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(record.getSchema(), GenericData.get()).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes a whole body and checks that nothing follows the record. */
    static GenericRecord decode(byte[] body, Schema schema) {
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(body, null);
            GenericRecord record = new GenericDatumReader<GenericRecord>(schema).read(null, decoder);
            if (!decoder.isEnd()) {
                throw new AssertionError("bytes left after the record");
            }
            return record;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample event as a GenericRecord of {@code schema} (a variant of ImageEvent's), fields by name. */
    static GenericRecord sampleEventAs(Schema schema) {
        GenericRecord record = new GenericData.Record(schema);
        GenericRecord source = AvroBytes.decode(genericBodyOfSample(), ImageEvent.getClassSchema());
        for (Schema.Field field : schema.getFields()) {
            Schema.Field sourceField = ImageEvent.getClassSchema().getField(field.name());
            record.put(field.name(), sourceField != null ? source.get(field.name()) : GenericData.get().getDefaultValue(field));
        }
        return record;
    }

    private static byte[] genericBodyOfSample() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            ImageEvent event = sampleEvent();
            new SpecificDatumWriter<ImageEvent>(ImageEvent.getClassSchema(), event.getSpecificData())
                    .write(event, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ImageEvent's schema edited as JSON, e.g. to make an older or newer version of it. */
    static Schema imageEventSchemaWith(Consumer<ArrayNode> editFields) {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode schema = (ObjectNode) json.readTree(ImageEvent.getClassSchema().toString());
            editFields.accept((ArrayNode) schema.get("fields"));
            return new Schema.Parser().parse(json.writeValueAsString(schema));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
