package dev.imagecensus.schemas.connect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecordBase;

/** Avro binary in and out, the way a producer and a consumer on the other side of the topic would do it. */
final class AvroIo {

    private AvroIo() {
    }

    static byte[] write(Schema schema, Object datum) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            // generated classes hold Instant etc., which only their own model knows how to write
            GenericData model = datum instanceof SpecificRecordBase specific ? specific.getSpecificData() : GenericData.get();
            new GenericDatumWriter<>(schema, model).write(datum, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads raw generic data (Utf8, Long, EnumSymbol, ByteBuffer), resolving writer to reader schema like a consumer.
     * Generic, not specific: Avro 1.12's ClassSecurityValidator forbids loading generated classes by name
     * unless their package is trusted (org.apache.avro.SERIALIZABLE_PACKAGES).
     */
    static Object readGeneric(byte[] bytes, Schema writer, Schema reader) {
        try {
            return new GenericDatumReader<>(writer, reader, GenericData.get())
                    .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema as written in src/main/avro (the generated SCHEMA$ adds avro.java.string properties). */
    static Schema declared(String recordName) {
        try {
            return new Schema.Parser().parse(Path.of("src/main/avro", recordName + ".avsc").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
