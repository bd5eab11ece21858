package dev.imagecensus.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: magic byte {@code 0}, a 4-byte big-endian schema id, then the Avro binary body.
 * Shared by the serde and the Connect converter so both frame and reject bytes identically.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** A parsed frame: the schema id and the Avro body (a read-only view of the input, no copy). */
    public record Frame(int schemaId, ByteBuffer body) {
    }

    public static byte[] frame(int schemaId, byte[] avroBody) {
        return ByteBuffer.allocate(HEADER_SIZE + avroBody.length)
                .put(MAGIC_BYTE)
                .putInt(schemaId)
                .put(avroBody)
                .array();
    }

    /**
     * Splits framed bytes into id and body.
     *
     * @param where names the record for the error message, e.g. {@code "topic image-events value"}
     * @throws SerializationException when the bytes are too short for the header or the magic byte is wrong
     */
    public static Frame parse(byte[] bytes, String where) {
        if (bytes.length < HEADER_SIZE) {
            throw new SerializationException("Cannot deserialize " + where + ": " + bytes.length
                    + " bytes is shorter than the 5-byte Confluent wire-format header");
        }
        if (bytes[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "Cannot deserialize %s: unknown magic byte 0x%02x (expected 0x00, Confluent wire format)", where, bytes[0]));
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        buffer.get();
        int id = buffer.getInt();
        return new Frame(id, buffer.slice());
    }
}
