package dev.imagecensus.streams;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a source record's value, turning bad input into a dead letter instead of an exception. Only
 * {@link SerializationException} counts as bad input (wrong magic byte, truncated or trailing bytes, a schema id
 * the registry does not know, an unreadable schema); a record without a key cannot be tabled and is dead-lettered
 * too. Anything else, notably {@code SchemaRegistryException} (registry unreachable, 5xx, 401), is infrastructure
 * and propagates, failing the task so the record is retried after a restart rather than lost.
 */
final class DecodeProcessor<V> implements FixedKeyProcessor<String, byte[], Decoded<V>> {

    private static final Logger log = LoggerFactory.getLogger(DecodeProcessor.class);

    private final Deserializer<V> deserializer;
    private final String stage;
    private FixedKeyProcessorContext<String, Decoded<V>> context;

    DecodeProcessor(Deserializer<V> deserializer, String stage) {
        this.deserializer = deserializer;
        this.stage = stage;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Decoded<V>> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        DeadLetters.Coordinates at = coordinates(record);
        if (record.key() == null) {
            deadLetter(record, at, new SerializationException("record has no key; " + at.topic() + " is keyed"));
            return;
        }
        V value;
        try {
            value = deserializer.deserialize(at.topic(), record.headers(), record.value());
        } catch (SerializationException e) {
            deadLetter(record, at, e);
            return;
        }
        context.forward(record.withValue(Decoded.ok(value)));
    }

    private void deadLetter(FixedKeyRecord<String, byte[]> record, DeadLetters.Coordinates at, Exception cause) {
        log.warn("Dead-lettering {}-{}@{} (key {}): {}", at.topic(), at.partition(), at.offset(), record.key(),
                cause.getMessage());
        context.forward(record.withValue(Decoded.failed(DeadLetters.of(context.applicationId(), stage, at,
                record.key(), record.value(), record.headers(), cause, context.currentSystemTimeMs()))));
    }

    private DeadLetters.Coordinates coordinates(FixedKeyRecord<String, byte[]> record) {
        RecordMetadata meta = context.recordMetadata().orElse(null);
        return meta == null
                ? new DeadLetters.Coordinates("", -1, -1L, record.timestamp())
                : new DeadLetters.Coordinates(meta.topic(), meta.partition(), meta.offset(), record.timestamp());
    }
}
