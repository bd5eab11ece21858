package dev.imagecensus.embedded.registry;

import java.util.Objects;

/**
 * Settings of an {@link EmbeddedSchemaRegistry}.
 *
 * @param host                 interface to bind ("0.0.0.0" for all)
 * @param port                 HTTP port, 0 for a free one (see {@link EmbeddedSchemaRegistry#port()})
 * @param threads              HTTP worker threads
 * @param defaultCompatibility level used until {@code PUT /config} sets a global one
 * @param store                opens the store on start; the registry closes it on close
 */
public record EmbeddedSchemaRegistryConfig(String host, int port, int threads, CompatibilityLevel defaultCompatibility,
                                           SchemaStore.Factory store) {

    public static final int DEFAULT_THREADS = 4;

    public EmbeddedSchemaRegistryConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("Schema registry host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Schema registry port must be 0..65535, got " + port);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("Schema registry threads must be at least 1, got " + threads);
        }
        Objects.requireNonNull(defaultCompatibility, "Schema registry defaultCompatibility must be set");
        Objects.requireNonNull(store, "Schema registry store must be set");
    }

    /**
     * Loopback, a free port, BACKWARD, schemas kept in memory. Every start of this same config value reads the same
     * log, so a registry closed and started again keeps its schemas; run those starts one after the other.
     */
    public static EmbeddedSchemaRegistryConfig inMemory() {
        return new EmbeddedSchemaRegistryConfig("127.0.0.1", 0, DEFAULT_THREADS, CompatibilityLevel.BACKWARD,
                new InMemorySchemaStore().factory());
    }

    /** Loopback, a free port, BACKWARD, schemas in the compacted {@code _schemas} topic of that cluster. */
    public static EmbeddedSchemaRegistryConfig kafka(String bootstrapServers) {
        return kafka(KafkaSchemaStoreConfig.defaults(bootstrapServers));
    }

    public static EmbeddedSchemaRegistryConfig kafka(KafkaSchemaStoreConfig store) {
        return inMemory().withStore(store);
    }

    public EmbeddedSchemaRegistryConfig withHost(String value) {
        return new EmbeddedSchemaRegistryConfig(value, port, threads, defaultCompatibility, store);
    }

    public EmbeddedSchemaRegistryConfig withPort(int value) {
        return new EmbeddedSchemaRegistryConfig(host, value, threads, defaultCompatibility, store);
    }

    public EmbeddedSchemaRegistryConfig withThreads(int value) {
        return new EmbeddedSchemaRegistryConfig(host, port, value, defaultCompatibility, store);
    }

    public EmbeddedSchemaRegistryConfig withDefaultCompatibility(CompatibilityLevel value) {
        return new EmbeddedSchemaRegistryConfig(host, port, threads, value, store);
    }

    public EmbeddedSchemaRegistryConfig withStore(SchemaStore.Factory value) {
        return new EmbeddedSchemaRegistryConfig(host, port, threads, defaultCompatibility, value);
    }
}
