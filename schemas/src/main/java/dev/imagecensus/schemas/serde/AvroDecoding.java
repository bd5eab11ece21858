package dev.imagecensus.schemas.serde;

import java.io.EOFException;
import java.io.IOException;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;

/** Builds DatumReaders for a writer schema and decodes framed bodies, turning every failure into a clear message. */
final class AvroDecoding {

    private AvroDecoding() {
    }

    /** Reads what {@code writer} wrote as an instance of the generated {@code type}, by Avro schema resolution. */
    static <T> DatumReader<T> specificReader(Schema writer, Class<?> type, int schemaId, String where) {
        SpecificData model = SpecificData.getForClass(type);
        Schema reader = model.getSchema(type);
        SchemaPairCompatibility compatibility = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (compatibility.getType() != SchemaCompatibilityType.COMPATIBLE) {
            String problems = compatibility.getResult().getIncompatibilities().stream()
                    .map(i -> i.getMessage() + " at " + i.getLocation())
                    .collect(Collectors.joining("; "));
            throw new SerializationException(String.format("Cannot deserialize %s: writer schema id %d (%s) cannot be read as %s: %s",
                    where, schemaId, writer.getFullName(), type.getName(), problems));
        }
        return new SpecificDatumReader<>(writer, reader, model);
    }

    static <T> DatumReader<T> genericReader(Schema writer) {
        return new GenericDatumReader<>(writer, writer, GenericData.get());
    }

    /** The generated class for {@code writer}'s full name, or null when none is on the classpath. */
    static Class<?> generatedClass(Schema writer) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> type = loader == null ? null : new SpecificData(loader).getClass(writer);
        return type != null ? type : SpecificData.get().getClass(writer);
    }

    /**
     * Decodes the body after the wire-format header of {@code framed}; it must end exactly where the record does.
     *
     * @throws SerializationException naming {@code where}, the schema id and what is wrong
     */
    static <T> T decode(DatumReader<T> reader, byte[] framed, int schemaId, String where) {
        int length = framed.length - WireFormat.HEADER_SIZE;
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(framed, WireFormat.HEADER_SIZE, length, null);
        T value;
        try {
            value = reader.read(null, decoder);
        } catch (EOFException e) {
            throw new SerializationException(String.format("Cannot deserialize %s with schema id %d: the %d-byte Avro body"
                    + " is truncated (%s)", where, schemaId, length, e.getMessage()), e);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(String.format("Cannot deserialize %s with schema id %d: the %d-byte Avro body"
                    + " is corrupt or not written with that schema (%s)", where, schemaId, length, e), e);
        }
        int trailing = remaining(decoder);
        if (trailing > 0) {
            throw new SerializationException(String.format("Cannot deserialize %s with schema id %d: %d trailing bytes after"
                    + " the record in the %d-byte Avro body; not written with that schema", where, schemaId, trailing, length));
        }
        return value;
    }

    private static int remaining(BinaryDecoder decoder) {
        try {
            return decoder.isEnd() ? 0 : Math.max(1, decoder.inputStream().available());
        } catch (IOException e) {
            return 1;
        }
    }
}
