package dev.imagecensus.embedded.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.imagecensus.schemas.serde.WireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/** Reads framed bytes with Avro alone, independent of the serde under test; makes schema variants. */
final class AvroBodies {

    private AvroBodies() {
    }

    /** The schema id of framed bytes. */
    static int id(byte[] framed) {
        return WireFormat.parse(framed, "test").schemaId();
    }

    /** Decodes the body of framed bytes with {@code schema}, checking nothing follows the record. */
    static GenericRecord decode(byte[] framed, Schema schema) {
        byte[] body = Arrays.copyOfRange(framed, WireFormat.HEADER_SIZE, framed.length);
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

    /** {@code record} with a string field {@code name} (default {@code defaultValue}) added first, shifting positions. */
    static Schema withFirstStringField(Schema record, String name, String defaultValue) {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode schema = (ObjectNode) json.readTree(record.toString());
            ((ArrayNode) schema.get("fields")).insertObject(0).put("name", name).put("type", "string").put("default", defaultValue);
            return new Schema.Parser().parse(json.writeValueAsString(schema));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
