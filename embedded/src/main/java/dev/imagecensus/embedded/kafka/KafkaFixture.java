package dev.imagecensus.embedded.kafka;

/** A running Kafka cluster tests and local mode can talk to: the in-process broker or a container. */
public interface KafkaFixture extends AutoCloseable {

    String bootstrapServers();

    @Override
    void close();
}
