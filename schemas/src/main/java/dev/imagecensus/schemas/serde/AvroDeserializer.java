package dev.imagecensus.schemas.serde;

import dev.imagecensus.schemas.AvroClassTrust;
import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.DatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-wire-format Avro: the writer schema is fetched by id (cached) and resolved into the reader
 * schema, so records written with older or newer compatible versions read fine.
 *
 * <p>Built with a generated class, it returns that class. Built without one, it returns {@code GenericRecord}s,
 * or generated classes found by the writer schema's name when {@code specific.avro.reader=true}.
 * Bad bytes (wrong magic byte, short, truncated, trailing bytes) and unknown schema ids become
 * {@link SerializationException} naming topic and schema id; wire-format checks run before any registry call.
 * An unreachable or failing registry surfaces as {@link SchemaRegistryException}. Null deserializes to null.
 * Thread-safe once configured.
 */
public class AvroDeserializer<T extends IndexedRecord> implements Deserializer<T> {

    static {
        // Reading into generated classes loads them by name; make sure Avro trusts them even if its hook did not run.
        AvroClassTrust.install();
    }

    private final Class<T> type;
    private final ConcurrentMap<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();
    private volatile SchemaRegistryClient client;
    private volatile boolean ownsClient;
    private volatile AvroSerdeConfig config = AvroSerdeConfig.DEFAULTS;
    private volatile boolean isKey;

    /** Generic, for Kafka's reflective instantiation: {@link #configure} builds a client from {@code schema.registry.url}. */
    public AvroDeserializer() {
        this(null, null);
    }

    /** Returns instances of the generated {@code type}; {@link #configure} builds the client. */
    public AvroDeserializer(Class<T> type) {
        this(null, type);
    }

    /** Generic, sharing {@code client} (and its caches); {@link #close()} leaves it open. */
    public AvroDeserializer(SchemaRegistryClient client) {
        this(client, null);
    }

    /** Returns instances of the generated {@code type} (null for generic), sharing {@code client}. */
    public AvroDeserializer(SchemaRegistryClient client, Class<T> type) {
        this.client = client;
        this.type = type;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.parse(configs);
        this.isKey = isKey;
        readers.clear();
        if (client == null) {
            client = HttpSchemaRegistryClient.fromConfig(configs);
            ownsClient = true;
        }
    }

    /** Lets {@link AvroSerde} share the one client it built for both directions. */
    void useClient(SchemaRegistryClient shared) {
        if (client == null) {
            client = shared;
        }
    }

    @Override
    public T deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        String where = "topic " + topic + (isKey ? " key" : " value");
        WireFormat.Frame frame = WireFormat.parse(bytes, where);
        DatumReader<T> reader = readers.get(frame.schemaId());
        if (reader == null) {
            reader = newReader(frame.schemaId(), where);
            readers.putIfAbsent(frame.schemaId(), reader);
        }
        return AvroDecoding.decode(reader, bytes, frame.schemaId(), where);
    }

    private DatumReader<T> newReader(int schemaId, String where) {
        Schema writer = writerSchema(schemaId, where);
        if (writer.getType() != Schema.Type.RECORD) {
            throw new SerializationException(String.format("Cannot deserialize %s: schema id %d is a %s, not a record",
                    where, schemaId, writer.getType()));
        }
        if (type != null) {
            return AvroDecoding.specificReader(writer, type, schemaId, where);
        }
        if (config.specificAvroReader()) {
            Class<?> generated = AvroDecoding.generatedClass(writer);
            if (generated == null) {
                throw new SerializationException(String.format("Cannot deserialize %s: specific.avro.reader=true but no"
                        + " generated class %s for schema id %d is on the classpath", where, writer.getFullName(), schemaId));
            }
            return AvroDecoding.specificReader(writer, generated, schemaId, where);
        }
        return AvroDecoding.genericReader(writer);
    }

    private Schema writerSchema(int schemaId, String where) {
        SchemaRegistryClient registry = client;
        if (registry == null) {
            throw new IllegalStateException("AvroDeserializer is not configured: call configure() with schema.registry.url"
                    + " or construct it with a SchemaRegistryClient");
        }
        try {
            return registry.schemaById(schemaId);
        } catch (SchemaRegistryException e) {
            if (RegistryFailures.isAboutTheSchema(e)) {
                String what = e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND ? "unknown to" : "rejected by";
                throw new SerializationException(String.format("Cannot deserialize %s: schema id %d is %s the schema registry: %s",
                        where, schemaId, what, e.getMessage()), e);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        if (ownsClient && client != null) {
            client.close();
        }
    }
}
