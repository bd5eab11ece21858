package dev.imagecensus.streams;

import dev.imagecensus.schemas.avro.DeadLetter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Builds {@link DeadLetter} records: the input exactly as read, its coordinates and the cause. */
final class DeadLetters {

    /** Enough to locate the failure; a full Avro/registry stack can be hundreds of lines. */
    static final int MAX_STACK_TRACE_CHARS = 8_192;

    private DeadLetters() {
    }

    /** Where a record came from. */
    record Coordinates(String topic, int partition, long offset, long timestamp) {
    }

    static DeadLetter of(String application, String stage, Coordinates at, String key, byte[] value, Headers headers,
                         Exception cause, long failedAt) {
        return DeadLetter.newBuilder()
                .setTopic(at.topic())
                .setPartition(at.partition())
                .setOffset(at.offset())
                .setTimestamp(at.timestamp() < 0 ? null : Instant.ofEpochMilli(at.timestamp()))
                .setKey(key == null ? null : ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8)))
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .setHeaders(headers(headers))
                .setApplication(application)
                .setStage(stage)
                .setErrorClass(cause.getClass().getName())
                .setErrorMessage(String.valueOf(cause.getMessage()))
                .setStackTrace(stackTrace(cause))
                .setFailedAt(Instant.ofEpochMilli(failedAt))
                .build();
    }

    private static Map<String, ByteBuffer> headers(Headers headers) {
        Map<String, ByteBuffer> out = new HashMap<>();
        if (headers != null) {
            for (Header header : headers) {
                // A repeated header keeps its last value: the schema's map cannot hold duplicates.
                out.put(header.key(), ByteBuffer.wrap(header.value() == null ? new byte[0] : header.value()));
            }
        }
        return out;
    }

    static String stackTrace(Throwable cause) {
        StringWriter out = new StringWriter();
        cause.printStackTrace(new PrintWriter(out));
        String trace = out.toString();
        return trace.length() <= MAX_STACK_TRACE_CHARS ? trace : trace.substring(0, MAX_STACK_TRACE_CHARS) + "...";
    }
}
