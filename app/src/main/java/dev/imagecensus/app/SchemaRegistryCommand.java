package dev.imagecensus.app;

import dev.imagecensus.embedded.registry.CompatibilityLevel;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistry;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistryConfig;
import dev.imagecensus.embedded.registry.KafkaSchemaStoreConfig;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code image-census schema-registry}: the embedded Confluent-compatible registry on its own, against any Kafka. */
@Command(name = "schema-registry", mixinStandardHelpOptions = true,
        description = "Run the embedded schema registry (Confluent REST API, Avro), storing schemas in a compacted Kafka topic.")
final class SchemaRegistryCommand implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", required = true, description = "Kafka to keep schemas in.")
    String bootstrapServers;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Interface to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8081", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--topic", defaultValue = "_schemas", description = "Compacted schemas topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--replication-factor", defaultValue = "1", description = "Replication of the schemas topic when created (default: ${DEFAULT-VALUE}).")
    short replicationFactor;

    @Option(names = "--compatibility", defaultValue = "BACKWARD", description = "Default compatibility level (default: ${DEFAULT-VALUE}).")
    CompatibilityLevel compatibility;

    @Override
    public Integer call() throws InterruptedException {
        KafkaSchemaStoreConfig store = KafkaSchemaStoreConfig.defaults(bootstrapServers)
                .withTopic(topic)
                .withReplicationFactor(replicationFactor);
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(EmbeddedSchemaRegistryConfig.kafka(store)
                .withHost(host)
                .withPort(port)
                .withDefaultCompatibility(compatibility));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            registry.close();
            stopped.countDown();
        }, "schema-registry-shutdown"));
        System.out.println("Schema registry listening at " + registry.url() + ", schemas in topic " + topic);
        stopped.await();
        return 0;
    }
}
