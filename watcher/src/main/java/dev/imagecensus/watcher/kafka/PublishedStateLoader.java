package dev.imagecensus.watcher.kafka;

import dev.imagecensus.schemas.Topics;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.avro.ImageEventType;
import dev.imagecensus.watcher.inventory.ContainerRecord;
import dev.imagecensus.watcher.inventory.PublishedState;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds what this cluster's watcher last published: reads {@code image-events} from the beginning to the end
 * offsets taken at start, keeps the last value per key of this cluster, and drops keys whose last word was a
 * DELETED or a tombstone. No consumer group: nothing is committed.
 */
public final class PublishedStateLoader {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedStateLoader.class);

    private PublishedStateLoader() {
    }

    /**
     * @throws IllegalStateException when the topic does not exist or cannot be read to its end within {@code timeout}
     */
    public static PublishedState load(Map<String, Object> consumerProps, Topics.Topic<String, ImageEvent> topic,
                                      String cluster, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String prefix = cluster + "/";
        Map<String, ContainerRecord> latest = new HashMap<>();
        long read = 0;
        try (KafkaConsumer<String, ImageEvent> consumer = new KafkaConsumer<>(consumerProps,
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic.name() + " does not exist: create it (compacted) first");
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            while (!reachedEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic.name() + " to its end within " + timeout);
                }
                for (ConsumerRecord<String, ImageEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && record.key().startsWith(prefix)) {
                        apply(latest, record.key(), record.value());
                    }
                    if (++read % 100_000 == 0) {
                        LOG.info("read back {} records of {}", read, topic.name());
                    }
                }
            }
        }
        PublishedState state = PublishedState.of(latest.values());
        LOG.info("read back {} records of {}: cluster {} has {} containers in {} pods published", read, topic.name(),
                cluster, state.containerCount(), state.podCount());
        return state;
    }

    static void apply(Map<String, ContainerRecord> latest, String key, ImageEvent value) {
        if (value == null || value.getType() == ImageEventType.DELETED) {
            latest.remove(key);
        } else {
            latest.put(key, EventMapper.toRecord(value));
        }
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
