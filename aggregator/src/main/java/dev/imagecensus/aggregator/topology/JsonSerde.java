package dev.imagecensus.aggregator.topology;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON serde for the aggregator's internal state (stores, changelogs, repartition topics). That state is private
 * to the app, so it stays out of the schema registry (no subjects to pre-register where auto-registration is off)
 * and remains readable in a changelog; unknown fields are ignored so a newer version's state still reads.
 *
 * <p>Every record passes through this serde several times (store reads, cache flushes, repartition topics), so
 * the reader and writer are bound to the type once and Blackbird replaces reflective accessor calls. Field-name
 * canonicalisation is off: map keys (namespaces, digests, {@code container|image}) are field names too, and their
 * unbounded variety kept growing and copying Jackson's shared symbol table (profiled: bench/README.md).
 */
final class JsonSerde<T> implements Serde<T> {

    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new BlackbirdModule())
            .build();

    private final Class<T> type;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    private JsonSerde(Class<T> type) {
        this.type = type;
        this.reader = JSON.readerFor(type);
        this.writer = JSON.writerFor(type);
    }

    static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return writer.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("Cannot write " + type.getSimpleName() + " as JSON for " + topic, e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return reader.readValue(bytes);
            } catch (IOException e) {
                throw new SerializationException("Cannot read " + type.getSimpleName() + " JSON from " + topic, e);
            }
        };
    }
}
