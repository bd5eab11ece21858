package dev.imagecensus.schemas.connect;

import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient.SubjectVersion;
import dev.imagecensus.schemas.registry.SchemaRegistryException;
import dev.imagecensus.schemas.serde.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka Connect converter for Avro in the Confluent wire format (magic 0, schema id, Avro binary), standing in
 * for {@code io.confluent.connect.avro.AvroConverter} with its config keys, TopicNameStrategy subjects
 * ({@code <topic>-value}, {@code <topic>-key}) and Connect schema shapes (see {@link AvroData}).
 * Null or empty bytes read as {@link SchemaAndValue#NULL} and null values write as null, so tombstones pass through.
 * Schemaless Connect data is not supported. Every failure is a {@link DataException} naming topic and schema id.
 */
public class AvroConverter implements Converter {

    private static final Logger LOG = LoggerFactory.getLogger(AvroConverter.class);

    private final Map<String, CachedLatest> latestBySubject = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;
    private boolean ownsRegistry;
    private AvroConverterConfig config = new AvroConverterConfig(Map.of());
    private AvroData avroData = new AvroData();
    private boolean isKey;

    /** For Connect workers, which then call {@link #configure(Map, boolean)}. */
    public AvroConverter() {
    }

    /** For embedding and tests: uses this client (and does not close it) instead of building one from config. */
    public AvroConverter(SchemaRegistryClient registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public ConfigDef config() {
        return AvroConverterConfig.CONFIG_DEF;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroConverterConfig parsed = new AvroConverterConfig(configs);
        if (registry == null) {
            if (parsed.schemaRegistryUrls().isEmpty()) {
                throw new ConfigException("Missing required configuration \"" + AvroConverterConfig.SCHEMA_REGISTRY_URL
                        + "\" for " + getClass().getName());
            }
            registry = HttpSchemaRegistryClient.fromConfig(configs);
            ownsRegistry = true;
        }
        this.config = parsed;
        this.avroData = new AvroData(parsed.schemasCacheSize());
        this.isKey = isKey;
        LOG.info("AvroConverter for record {}s: {}", isKey ? "key" : "value", parsed);
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return SchemaAndValue.NULL;
        }
        String where = where(topic);
        WireFormat.Frame frame;
        try {
            frame = WireFormat.parse(bytes, where);
        } catch (SerializationException e) {
            throw new DataException(e.getMessage(), e);
        }
        SchemaRegistryClient client = registry();
        try {
            org.apache.avro.Schema writer = client.schemaById(frame.schemaId());
            int length = frame.body().remaining();
            Object datum = new GenericDatumReader<>(writer, writer, GenericData.get())
                    .read(null, DecoderFactory.get().binaryDecoder(bytes, bytes.length - length, length, null));
            return avroData.toConnectData(writer, datum);
        } catch (IOException | RuntimeException e) {
            throw new DataException("Cannot deserialize " + where + " with schema id " + frame.schemaId()
                    + ": " + cause(e), e);
        }
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        String where = where(topic);
        if (schema == null) {
            throw new DataException("Cannot serialize " + where + ": schemaless data is not supported, the value needs a Connect schema");
        }
        SchemaRegistryClient client = registry();
        String subject = topic + (isKey ? "-key" : "-value");
        Target target = null;
        try {
            target = target(client, subject, schema);
            Object datum = avroData.fromConnectData(target.schema(), schema, value);
            return WireFormat.frame(target.id(), encode(target.schema(), datum));
        } catch (IOException | RuntimeException e) {
            String id = target == null ? "" : " with schema id " + target.id();
            throw new DataException("Cannot serialize " + where + " for subject " + subject + id + ": " + cause(e), e);
        }
    }

    @Override
    public void close() {
        if (ownsRegistry) {
            registry.close();
        }
    }

    // TopicNameStrategy; auto-registration wins over use.latest.version, as in Confluent's serializer.
    private Target target(SchemaRegistryClient client, String subject, Schema schema) {
        if (config.autoRegisterSchemas()) {
            org.apache.avro.Schema avro = avroData.fromConnectSchema(schema);
            return new Target(avro, client.register(subject, avro));
        }
        if (config.useLatestVersion()) {
            SubjectVersion latest = latest(client, subject);
            return new Target(latest.schema(), latest.id());
        }
        org.apache.avro.Schema avro = avroData.fromConnectSchema(schema);
        return new Target(avro, client.lookup(subject, avro));
    }

    // The client caches only what is immutable; "latest" is not, so it is cached here for latest.cache.ttl.sec.
    private SubjectVersion latest(SchemaRegistryClient client, String subject) {
        long ttlNanos = config.latestCacheTtlSeconds() * 1_000_000_000L;
        CachedLatest cached = latestBySubject.get(subject);
        if (cached != null && (ttlNanos < 0 || System.nanoTime() - cached.fetchedAt() < ttlNanos)) {
            return cached.version();
        }
        SubjectVersion latest = client.latest(subject);
        latestBySubject.put(subject, new CachedLatest(latest, System.nanoTime()));
        return latest;
    }

    private static byte[] encode(org.apache.avro.Schema schema, Object datum) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<>(schema, GenericData.get()).write(datum, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private SchemaRegistryClient registry() {
        if (registry == null) {
            throw new IllegalStateException("AvroConverter is not configured: call configure() or pass a SchemaRegistryClient");
        }
        return registry;
    }

    private String where(String topic) {
        return "topic " + topic + " " + (isKey ? "key" : "value");
    }

    private static String cause(Exception e) {
        String prefix = e instanceof SchemaRegistryException ? "schema registry: " : "";
        return prefix + (e.getMessage() != null ? e.getMessage() : e.getClass().getName());
    }

    private record Target(org.apache.avro.Schema schema, int id) {
    }

    private record CachedLatest(SubjectVersion version, long fetchedAt) {
    }
}
