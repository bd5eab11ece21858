package dev.imagecensus.embedded.registry;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Settings of a {@link KafkaSchemaStore}; also its factory.
 *
 * @param bootstrapServers  the Kafka cluster
 * @param topic             the compacted topic holding the registry's records, created when missing
 * @param replicationFactor replication of that topic when it is created (1 for the embedded broker)
 * @param timeout           bound on connecting, reading the topic to the end on start, and each write
 * @param clientProperties  extra settings for the store's admin, producer and consumer (security, ...)
 */
public record KafkaSchemaStoreConfig(String bootstrapServers, String topic, short replicationFactor,
                                     Duration timeout, Map<String, String> clientProperties)
        implements SchemaStore.Factory {

    public static final String DEFAULT_TOPIC = "_schemas";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public KafkaSchemaStoreConfig {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("Schema store bootstrapServers must not be blank");
        }
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("Schema store topic must not be blank");
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("Schema store replicationFactor must be at least 1, got " + replicationFactor);
        }
        if (timeout == null || timeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("Schema store timeout must be at least 1 s, got " + timeout);
        }
        clientProperties = Map.copyOf(clientProperties);
    }

    /** Topic {@code _schemas}, replication 1, 30 s timeout, no extra client settings. */
    public static KafkaSchemaStoreConfig defaults(String bootstrapServers) {
        return new KafkaSchemaStoreConfig(bootstrapServers, DEFAULT_TOPIC, (short) 1, DEFAULT_TIMEOUT, Map.of());
    }

    public KafkaSchemaStoreConfig withTopic(String value) {
        return new KafkaSchemaStoreConfig(bootstrapServers, value, replicationFactor, timeout, clientProperties);
    }

    public KafkaSchemaStoreConfig withReplicationFactor(short value) {
        return new KafkaSchemaStoreConfig(bootstrapServers, topic, value, timeout, clientProperties);
    }

    public KafkaSchemaStoreConfig withTimeout(Duration value) {
        return new KafkaSchemaStoreConfig(bootstrapServers, topic, replicationFactor, value, clientProperties);
    }

    public KafkaSchemaStoreConfig withClientProperties(Map<String, String> value) {
        return new KafkaSchemaStoreConfig(bootstrapServers, topic, replicationFactor, timeout, value);
    }

    @Override
    public SchemaStore open() {
        return KafkaSchemaStore.open(this);
    }

    /** Masks secrets (passwords, JAAS configs, keys, tokens) among the client properties. */
    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        clientProperties.forEach((k, v) -> shown.put(k, secret(k) ? "[hidden]" : v));
        return "kafka(" + bootstrapServers + ", topic " + topic + ", replication " + replicationFactor
                + ", timeout " + timeout + (shown.isEmpty() ? "" : ", " + shown) + ")";
    }

    private static boolean secret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("jaas") || k.contains("secret") || k.contains("token")
                || k.endsWith(".key");
    }
}
