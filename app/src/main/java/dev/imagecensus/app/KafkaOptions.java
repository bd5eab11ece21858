package dev.imagecensus.app;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where a service finds Kafka and the schema registry; shared by every service subcommand. Each flag falls back
 * to an environment variable so a Deployment can configure it from a ConfigMap or Secret.
 */
final class KafkaOptions {

    @Option(names = "--bootstrap-servers", defaultValue = "${env:IMAGE_CENSUS_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka bootstrap servers (env IMAGE_CENSUS_BOOTSTRAP_SERVERS, default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", defaultValue = "${env:IMAGE_CENSUS_SCHEMA_REGISTRY_URL:-http://localhost:8081}",
            description = "Confluent-compatible schema registry (env IMAGE_CENSUS_SCHEMA_REGISTRY_URL, default: ${DEFAULT-VALUE}).")
    String schemaRegistryUrl;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE",
            description = "Extra Kafka client setting, e.g. security.protocol=SASL_SSL (repeatable).")
    Map<String, String> kafkaProperties = new LinkedHashMap<>();

    @Option(names = "--registry-property", paramLabel = "KEY=VALUE",
            description = "Extra schema-registry client setting, e.g. basic.auth.user.info=u:p (repeatable).")
    Map<String, String> registryProperties = new LinkedHashMap<>();
}
