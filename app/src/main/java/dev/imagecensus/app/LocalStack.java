package dev.imagecensus.app;

import dev.imagecensus.embedded.kafka.EmbeddedKafka;
import dev.imagecensus.embedded.kafka.EmbeddedKafkaConfig;
import dev.imagecensus.embedded.kafka.TopicAdmin;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistry;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistryConfig;
import dev.imagecensus.schemas.TopicLayout;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The single-machine stack behind {@code image-census local}: broker, registry and the product's topics. */
final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    // Enough for two Streams threads or instances each; one node keeps everything anyway.
    private static final int PARTITIONS = 4;

    /** Where the local stack listens and keeps its data. */
    record Settings(String host, int kafkaPort, int registryPort, Path dataDir) {
    }

    private final EmbeddedKafka kafka;
    private final EmbeddedSchemaRegistry registry;

    private LocalStack(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    static LocalStack start(Settings settings) {
        EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.defaults()
                .withHost(settings.host())
                .withBrokerPort(settings.kafkaPort())
                .withDataDir(settings.dataDir().resolve("kafka")));
        try {
            TopicAdmin.createAndAwait(kafka.bootstrapServers(), TopicLayout.all(PARTITIONS));
            EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(
                    EmbeddedSchemaRegistryConfig.kafka(kafka.bootstrapServers())
                            .withHost(settings.host())
                            .withPort(settings.registryPort()));
            return new LocalStack(kafka, registry);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    String schemaRegistryUrl() {
        return registry.url();
    }

    String describe() {
        return String.join(System.lineSeparator(),
                "image-census local is up:",
                "  Kafka            " + kafka.bootstrapServers(),
                "  Schema registry  " + registry.url(),
                "  Data             " + kafka.dataDir());
    }

    @Override
    public void close() {
        log.info("Stopping image-census local");
        registry.close();
        kafka.close();
    }
}
