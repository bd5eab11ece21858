package dev.imagecensus.schemas.serde;

import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link AvroSerializer} and {@link AvroDeserializer} as one Kafka {@link Serde}. Typed ({@code new AvroSerde<>(client,
 * ImageEvent.class)}) or generic; with a shared {@link SchemaRegistryClient} or, when built by reflection,
 * with one client made in {@link #configure} for both directions and closed by {@link #close()}.
 */
public class AvroSerde<T extends IndexedRecord> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;
    private final boolean hasClient;
    private volatile SchemaRegistryClient ownedClient;

    /** Generic, for Kafka's reflective instantiation ({@code default.value.serde}). */
    public AvroSerde() {
        this(null, null);
    }

    /** Typed; {@link #configure} builds the client from {@code schema.registry.url}. */
    public AvroSerde(Class<T> type) {
        this(null, type);
    }

    /** Generic, sharing {@code client}. */
    public AvroSerde(SchemaRegistryClient client) {
        this(client, null);
    }

    /** Typed ({@code type} null for generic), sharing {@code client}; {@link #close()} leaves the client open. */
    public AvroSerde(SchemaRegistryClient client, Class<T> type) {
        this.serializer = client == null ? new AvroSerializer<>() : new AvroSerializer<>(client);
        this.deserializer = new AvroDeserializer<>(client, type);
        this.hasClient = client != null;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (!hasClient && ownedClient == null) {
            ownedClient = HttpSchemaRegistryClient.fromConfig(configs);
            serializer.useClient(ownedClient);
            deserializer.useClient(ownedClient);
        }
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
        if (ownedClient != null) {
            ownedClient.close();
        }
    }
}
