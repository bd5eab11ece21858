package dev.imagecensus.watcher.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The watcher's Kafka client settings; the user's extra properties win over everything but the safety settings. */
public final class KafkaSettings {

    /** Producer buffer: when it is full (Kafka down), {@code send} blocks and back-pressure reaches the informers. */
    public static final long DEFAULT_BUFFER_MEMORY = 32L * 1024 * 1024;
    /** How long one {@code send} waits for buffer space before the publisher logs and tries again. */
    public static final int MAX_BLOCK_MS = 10_000;

    private KafkaSettings() {
    }

    public static Map<String, Object> producer(String bootstrapServers, Map<String, String> extra, String clientId) {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, DEFAULT_BUFFER_MEMORY);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
        props.putAll(extra);
        // Not overridable: exactness depends on them. A record is never given up on while the process lives;
        // an outage fills the buffer and blocks instead.
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        props.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        return props;
    }

    public static Map<String, Object> consumer(String bootstrapServers, Map<String, String> extra, String clientId) {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.putAll(extra);
        // Producer-only keys in the shared extras would only produce warnings here.
        for (String key : ProducerConfig.configNames()) {
            if (!ConsumerConfig.configNames().contains(key)) {
                props.remove(key);
            }
        }
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false); // a missing topic is a deployment error
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        return props;
    }
}
