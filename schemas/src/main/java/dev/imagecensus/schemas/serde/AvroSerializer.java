package dev.imagecensus.schemas.serde;

import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient.SubjectVersion;
import dev.imagecensus.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (generated {@code SpecificRecord}s or {@code GenericRecord}s) in the Confluent wire format
 * under the subject {@code <topic>-key} / {@code <topic>-value}.
 *
 * <p>The schema id comes from, in order: registering the record's schema ({@code auto.register.schemas=true},
 * the default), the subject's latest version ({@code use.latest.version=true}), or looking the record's schema up.
 * Registry answers about the schema (not found, incompatible, invalid) become {@link SerializationException};
 * an unreachable or failing registry surfaces as {@link SchemaRegistryException}. Null serializes to null.
 * Thread-safe once configured.
 */
public class AvroSerializer<T extends IndexedRecord> implements Serializer<T> {

    private final AvroEncoding encoding = new AvroEncoding();
    private volatile SchemaRegistryClient client;
    private volatile boolean ownsClient;
    private volatile AvroSerdeConfig config = AvroSerdeConfig.DEFAULTS;
    private volatile boolean isKey;

    /** For Kafka's reflective instantiation: {@link #configure} builds a client from {@code schema.registry.url}. */
    public AvroSerializer() {
    }

    /** Shares {@code client} (and its caches); {@link #close()} leaves it open. Usable without configure(): defaults, value side. */
    public AvroSerializer(SchemaRegistryClient client) {
        this.client = client;
    }

    /** Shares {@code client} and configures at once. */
    public AvroSerializer(SchemaRegistryClient client, Map<String, ?> configs, boolean isKey) {
        this(client);
        configure(configs, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.parse(configs);
        this.isKey = isKey;
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
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        String subject = TopicNameStrategy.subject(topic, isKey);
        String where = "topic " + topic + (isKey ? " key" : " value");
        Target target = target(subject, record.getSchema(), where);
        try {
            return WireFormat.frame(target.id(), encoding.encode(record, target.schema()));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(String.format("Cannot serialize %s: %s does not fit schema id %d (%s)",
                    where, record.getSchema().getFullName(), target.id(), e), e);
        }
    }

    private record Target(int id, Schema schema) {
    }

    private Target target(String subject, Schema schema, String where) {
        SchemaRegistryClient registry = client;
        if (registry == null) {
            throw new IllegalStateException("AvroSerializer is not configured: call configure() with schema.registry.url"
                    + " or construct it with a SchemaRegistryClient");
        }
        AvroSerdeConfig settings = config;
        try {
            if (settings.autoRegisterSchemas()) {
                return new Target(registry.register(subject, schema), schema);
            }
            if (settings.useLatestVersion()) {
                SubjectVersion latest = registry.latest(subject);
                return new Target(latest.id(), latest.schema());
            }
            return new Target(registry.lookup(subject, schema), schema);
        } catch (SchemaRegistryException e) {
            if (RegistryFailures.isAboutTheSchema(e)) {
                String action = settings.autoRegisterSchemas() ? "registering"
                        : settings.useLatestVersion() ? "fetching the latest version of" : "looking up";
                throw new SerializationException(String.format("Cannot serialize %s: %s %s under subject %s failed: %s",
                        where, action, schema.getFullName(), subject, e.getMessage()), e);
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
