package dev.imagecensus.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/** Avro binary bodies of records, with a cached, thread-safe DatumWriter per schema and record class. */
final class AvroEncoding {

    private record WriterKey(Schema schema, Class<?> type) {
    }

    private record Resolution(Schema writer, Schema reader) {
    }

    private final ConcurrentMap<WriterKey, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private final ConcurrentMap<Resolution, DatumReader<Object>> resolvers = new ConcurrentHashMap<>();

    /**
     * The record's Avro body written with {@code target}: the record's own schema, or (use.latest.version)
     * a registered version of it, into which the record is resolved first because field order and
     * defaults may differ.
     */
    byte[] encode(IndexedRecord record, Schema target) throws IOException {
        Schema own = record.getSchema();
        byte[] body = write(writer(own, record.getClass()), record);
        if (target == own || target.equals(own)) {
            return body;
        }
        DatumReader<Object> resolver = resolvers.computeIfAbsent(new Resolution(own, target),
                r -> new GenericDatumReader<>(r.writer(), r.reader(), GenericData.get()));
        Object resolved = resolver.read(null, DecoderFactory.get().binaryDecoder(body, null));
        return write(writer(target, GenericData.Record.class), resolved);
    }

    private DatumWriter<Object> writer(Schema schema, Class<?> type) {
        return writers.computeIfAbsent(new WriterKey(schema, type), key -> {
            if (SpecificRecord.class.isAssignableFrom(key.type())) {
                // The generated class's model carries its logical-type conversions (Instant for timestamp-millis).
                return new SpecificDatumWriter<>(key.schema(), SpecificData.getForClass(key.type()));
            }
            return new GenericDatumWriter<>(key.schema(), GenericData.get());
        });
    }

    private static byte[] write(DatumWriter<Object> writer, Object datum) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        writer.write(datum, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
