package dev.imagecensus.enricher.it;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a compacted topic from the beginning with {@code read_committed} into its latest value per key. */
final class TopicReader<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final Map<String, V> latest = new LinkedHashMap<>();
    private int records;

    TopicReader(String bootstrapServers, String topic, Deserializer<V> values) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), values);
        var partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls until the latest values satisfy {@code done}, or fails after {@code timeout}. */
    Map<String, V> readUntil(Predicate<Map<String, V>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(latest)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + "; read " + latest.keySet());
            }
            poll();
        }
        return Map.copyOf(latest);
    }

    /** Records read so far, duplicates included. */
    int records() {
        return records;
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
            records++;
            latest.put(r.key(), r.value());
        });
    }

    @Override
    public void close() {
        consumer.close();
    }
}
