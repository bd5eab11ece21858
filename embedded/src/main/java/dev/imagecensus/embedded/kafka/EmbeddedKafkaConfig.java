package dev.imagecensus.embedded.kafka;

import java.nio.file.Path;
import java.util.Map;

/**
 * Settings of an {@link EmbeddedKafka} node.
 *
 * @param host           interface to bind and advertise
 * @param brokerPort     client port, 0 for a free one
 * @param controllerPort KRaft controller port, 0 for a free one
 * @param dataDir        where logs and metadata live; null for a temporary directory removed on close
 * @param overrides      broker properties applied last (e.g. {@code log.retention.ms})
 */
public record EmbeddedKafkaConfig(String host, int brokerPort, int controllerPort, Path dataDir,
                                  Map<String, String> overrides) {

    public EmbeddedKafkaConfig {
        overrides = Map.copyOf(overrides);
        if (brokerPort < 0 || brokerPort > 65535 || controllerPort < 0 || controllerPort > 65535) {
            throw new IllegalArgumentException("Kafka ports must be 0..65535, got broker " + brokerPort
                    + " and controller " + controllerPort);
        }
        if (brokerPort != 0 && brokerPort == controllerPort) {
            throw new IllegalArgumentException("Kafka broker and controller ports must differ: " + brokerPort);
        }
    }

    /** Loopback, free ports, temporary data. */
    public static EmbeddedKafkaConfig defaults() {
        return new EmbeddedKafkaConfig("127.0.0.1", 0, 0, null, Map.of());
    }

    public EmbeddedKafkaConfig withHost(String value) {
        return new EmbeddedKafkaConfig(value, brokerPort, controllerPort, dataDir, overrides);
    }

    public EmbeddedKafkaConfig withBrokerPort(int port) {
        return new EmbeddedKafkaConfig(host, port, controllerPort, dataDir, overrides);
    }

    public EmbeddedKafkaConfig withDataDir(Path dir) {
        return new EmbeddedKafkaConfig(host, brokerPort, controllerPort, dir, overrides);
    }

    public EmbeddedKafkaConfig withOverrides(Map<String, String> props) {
        return new EmbeddedKafkaConfig(host, brokerPort, controllerPort, dataDir, props);
    }
}
