package dev.imagecensus.app.e2e;

import dev.imagecensus.schemas.Topics;
import dev.imagecensus.schemas.avro.ImageAudit;
import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClientConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The audit topic as a downstream consumer reads it: the product's serde, {@code read_committed}, every partition
 * from the beginning. Counts records per image and action, and says what they should be.
 */
final class AuditLog implements AutoCloseable {

    private final SchemaRegistryClient registry;
    private final KafkaConsumer<String, ImageAudit> consumer;
    private final List<ImageAudit> records = new ArrayList<>();

    AuditLog(PipelineEnv env) {
        registry = HttpSchemaRegistryClient.fromConfig(Map.of(SchemaRegistryClientConfig.URL, env.schemaRegistryUrl()));
        Topics.Topic<String, ImageAudit> topic = env.topicNames().apply(Topics.builder(registry)).build().imageAudit();
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Everything committed so far, as {@code image → "ENTERED×n LEFT×m"} (actions with count 0 left out). */
    SortedMap<String, String> counts() {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> records.add(r.value()));
        SortedMap<String, Map<String, Integer>> byImage = new TreeMap<>();
        records.forEach(r -> byImage.computeIfAbsent(r.getImage().toString(), i -> new TreeMap<>())
                .merge(r.getAction().name(), 1, Integer::sum));
        SortedMap<String, String> counts = new TreeMap<>();
        byImage.forEach((image, actions) -> counts.put(image, render(actions)));
        return counts;
    }

    /** One ENTERED per image that ever came into use, one LEFT per image that went out of use. */
    static SortedMap<String, String> expected(Set<String> entered, Set<String> left) {
        SortedMap<String, String> counts = new TreeMap<>();
        entered.forEach(image -> counts.put(image, render(left.contains(image)
                ? Map.of("ENTERED", 1, "LEFT", 1) : Map.of("ENTERED", 1))));
        left.stream().filter(image -> !entered.contains(image)).forEach(image -> counts.put(image, "LEFT×1"));
        return counts;
    }

    private static String render(Map<String, Integer> actions) {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(actions).forEach((action, n) -> s.append(s.isEmpty() ? "" : " ").append(action).append('×').append(n));
        return s.toString();
    }

    /** Differences from {@code expected}, empty when equal. */
    static String diff(SortedMap<String, String> actual, SortedMap<String, String> expected) {
        StringBuilder s = new StringBuilder();
        Set<String> images = new java.util.TreeSet<>(expected.keySet());
        images.addAll(actual.keySet());
        for (String image : images) {
            String want = expected.get(image);
            String got = actual.get(image);
            if (!java.util.Objects.equals(want, got)) {
                s.append("\n  audit ").append(image).append(": ").append(got == null ? "none" : got)
                        .append(", expected ").append(want == null ? "none" : want);
            }
        }
        return s.toString();
    }

    @Override
    public void close() {
        consumer.close();
        try {
            registry.close();
        } catch (Exception e) {
            // only a cache and an HTTP client
        }
    }
}
