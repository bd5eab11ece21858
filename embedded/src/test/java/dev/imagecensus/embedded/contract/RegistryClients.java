package dev.imagecensus.embedded.contract;

import dev.imagecensus.embedded.kafka.FreePorts;
import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;

/** Real {@link HttpSchemaRegistryClient}s for tests: no retries, so a registry that is down fails the call at once. */
final class RegistryClients {

    private RegistryClients() {
    }

    /** Settings for the registry at {@code url}, plus {@code extra}. */
    static Map<String, Object> config(String url, Map<String, ?> extra) {
        Map<String, Object> config = new HashMap<>(Map.of("schema.registry.url", url, "max.retries", 0,
                "http.connect.timeout.ms", 2_000, "http.read.timeout.ms", 10_000));
        config.putAll(extra);
        return config;
    }

    static SchemaRegistryClient client(String url) {
        return client(url, Map.of());
    }

    static SchemaRegistryClient client(String url, Map<String, ?> extra) {
        return HttpSchemaRegistryClient.fromConfig(config(url, extra));
    }

    /** A URL on a free loopback port nothing listens on: every connection is refused. */
    static String deadUrl() {
        return "http://127.0.0.1:" + FreePorts.pick();
    }
}
