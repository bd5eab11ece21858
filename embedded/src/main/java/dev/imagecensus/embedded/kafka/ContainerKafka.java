package dev.imagecensus.embedded.kafka;

import org.testcontainers.kafka.KafkaContainer;

/**
 * Kafka in a container via Testcontainers, for machines with a Docker engine
 * ({@code -Dimagecensus.kafka.fixture=testcontainers}). The default fixture is {@link EmbeddedKafka}:
 * no Docker engine exists on the project's build machines.
 */
public final class ContainerKafka implements KafkaFixture {

    public static final String DEFAULT_IMAGE = "apache/kafka:4.1.1";

    private final KafkaContainer container;

    private ContainerKafka(KafkaContainer container) {
        this.container = container;
    }

    public static ContainerKafka start(String image) {
        KafkaContainer container = new KafkaContainer(image)
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS", "1")
                .withEnv("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "1");
        container.start();
        return new ContainerKafka(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
