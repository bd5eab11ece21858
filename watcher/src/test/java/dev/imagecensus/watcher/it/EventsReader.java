package dev.imagecensus.watcher.it;

import dev.imagecensus.schemas.Topics;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads {@code image-events} as an independent consumer and summarises each record as one line, grouped by key
 * (order is only defined per key).
 */
final class EventsReader implements AutoCloseable {

    private final SchemaRegistryClient registry;
    private final KafkaConsumer<String, ImageEvent> consumer;
    private final List<ConsumerRecord<String, ImageEvent>> records = new ArrayList<>();

    EventsReader(String bootstrapServers, String registryUrl, String topic) {
        registry = HttpSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", registryUrl));
        Topics.Topic<String, ImageEvent> events = Topics.create(registry, Map.of()).imageEvents();
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                events.keySerde().deserializer(), events.valueSerde().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls until {@code count} records (in all) were read, then for {@code quiet} more to catch any extra. */
    List<ConsumerRecord<String, ImageEvent>> awaitTotal(int count, Duration timeout, Duration quiet) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (records.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        long quietEnd = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < quietEnd) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return List.copyOf(records);
    }

    /** Records read so far, per key, each as "TYPE container-type owner ref=.. digest=.. invalid=.." or "TOMBSTONE". */
    Map<String, List<String>> byKey(List<ConsumerRecord<String, ImageEvent>> from) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (ConsumerRecord<String, ImageEvent> r : from) {
            out.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(summary(r.value()));
        }
        return out;
    }

    int size() {
        return records.size();
    }

    static String summary(ImageEvent e) {
        if (e == null) {
            return "TOMBSTONE";
        }
        return e.getType() + " " + e.getContainerType() + " " + e.getOwnerKind() + "/" + e.getOwnerName()
                + " " + e.getPhase() + " ref=" + e.getImageRef() + " digest=" + e.getDigest()
                + " invalid=" + (e.getInvalidReason() != null);
    }

    @Override
    public void close() {
        consumer.close();
        registry.close();
    }
}
