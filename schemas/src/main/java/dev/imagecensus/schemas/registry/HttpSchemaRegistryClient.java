package dev.imagecensus.schemas.registry;

import java.util.Map;

/**
 * Placeholder so the converter compiles before the serde branch lands; that branch's
 * real HTTP client replaces this file in the merge.
 */
public final class HttpSchemaRegistryClient {

    private HttpSchemaRegistryClient() {
    }

    /** Builds a client from Confluent-style configs ({@code schema.registry.url}, basic auth, TLS). */
    public static SchemaRegistryClient fromConfig(Map<String, ?> configs) {
        throw new UnsupportedOperationException("HttpSchemaRegistryClient placeholder: replaced by the serde branch");
    }
}
