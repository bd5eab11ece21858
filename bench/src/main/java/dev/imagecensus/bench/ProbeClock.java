package dev.imagecensus.bench;

import dev.imagecensus.schemas.Topics;
import dev.imagecensus.schemas.avro.AuditAction;
import dev.imagecensus.schemas.avro.ImageAudit;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.avro.ImageEventType;
import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClientConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Times probe pod events end to end: the generator notes when it emitted each probe (a pod started on an unused
 * image, or deleted so its image is unused again); a consumer of the aggregator's {@code image-audit} topic
 * ({@code read_committed}, as any downstream consumer reads an exactly-once topic) notes when the ENTERED or LEFT
 * naming that probe pod arrives; a second consumer, of {@code image-events}, notes when the watcher published the
 * probe pod's container (the watcher's leg). Both clocks are this JVM's {@code nanoTime}.
 */
final class ProbeClock implements AutoCloseable {

    private final Map<String, Long> pending = new HashMap<>(); // "pod ACTION" -> emitted nanos
    private final List<long[]> observed = new ArrayList<>(); // {emitted, seen} nanos
    private final AtomicInteger unmatched = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    private final Map<String, Long> emitted = new HashMap<>(); // every probe, kept
    private final Map<String, Long> onEvents = new HashMap<>(); // "pod ACTION" -> first seen on image-events
    private final Thread events;
    private final SchemaRegistryClient registry;

    ProbeClock(String bootstrap, String registryUrl, int partitions) {
        registry = HttpSchemaRegistryClient.fromConfig(Map.of(SchemaRegistryClientConfig.URL, registryUrl));
        Topics topics = Topics.create(registry, Map.of());
        thread = consume(bootstrap, partitions, topics.imageAudit(), "read_committed", (r, now) -> {
            if (r.value() != null) {
                seen(String.valueOf(r.value().getPod()), r.value().getAction(), now);
            }
        });
        // The watcher's leg: its producer is not transactional, so read what it wrote as soon as it is written.
        events = consume(bootstrap, partitions, topics.imageEvents(), "read_uncommitted", (r, now) -> {
            ImageEvent e = r.value();
            if (e != null && e.getPodName().startsWith("probe-") && e.getType() != ImageEventType.UPDATED) {
                AuditAction action = e.getType() == ImageEventType.ADDED ? AuditAction.ENTERED : AuditAction.LEFT;
                synchronized (this) {
                    onEvents.putIfAbsent(e.getPodName() + " " + action, now);
                }
            }
        });
    }

    private <V> Thread consume(String bootstrap, int partitions, Topics.Topic<String, V> topic, String isolation,
                               java.util.function.BiConsumer<ConsumerRecord<String, V>, Long> handler) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                topic.valueSerde().deserializer());
        List<TopicPartition> tps = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            tps.add(new TopicPartition(topic.name(), p));
        }
        consumer.assign(tps);
        consumer.seekToEnd(tps);
        tps.forEach(consumer::position); // resolve now: only records after this moment count
        Thread t = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(50))) {
                        handler.accept(r, System.nanoTime());
                    }
                }
            }
        }, "probe-clock-" + topic.name());
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Milliseconds from each probe's emission to its event on image-events (the watcher's leg). */
    synchronized double[] watcherLegMs() {
        return onEvents.entrySet().stream().filter(e -> emitted.containsKey(e.getKey()))
                .mapToDouble(e -> (e.getValue() - emitted.get(e.getKey())) / 1e6).toArray();
    }

    /** The generator emitted an event that must make pod {@code pod}'s image ENTERED or LEFT. */
    synchronized void emitted(String pod, AuditAction action, long nanos) {
        pending.put(pod + " " + action, nanos);
        emitted.put(pod + " " + action, nanos);
    }

    private synchronized void seen(String pod, AuditAction action, long nanos) {
        Long emitted = pending.remove(pod + " " + action);
        if (emitted == null) {
            unmatched.incrementAndGet(); // not a probe (bulk churn can empty or start an image too)
            return;
        }
        observed.add(new long[] {emitted, nanos});
    }

    /** Probes still waiting for their audit record. */
    synchronized int outstanding() {
        return pending.size();
    }

    /** Probes still waiting, by action, with an example, for diagnostics. */
    synchronized String describeOutstanding(long sinceNanos) {
        Map<String, Integer> byAction = new HashMap<>();
        List<String> examples = new ArrayList<>();
        pending.forEach((key, nanos) -> {
            byAction.merge(key.substring(key.indexOf(' ') + 1), 1, Integer::sum);
            if (examples.size() < 5) {
                examples.add(key + " at " + (nanos - sinceNanos) / 1_000_000 + " ms");
            }
        });
        return byAction + ", e.g. " + examples + "; audit records of other pods " + unmatched.get();
    }

    /** {emitted, seen} nanos of every matched probe. */
    synchronized List<long[]> observed() {
        return List.copyOf(observed);
    }

    int unmatched() {
        return unmatched.get();
    }

    /** Diagnostics: ENTERED/LEFT records on image-audit from the beginning, as seen with {@code isolation}. */
    static Map<String, Long> countAudit(String bootstrap, String registryUrl, int partitions, String isolation) throws Exception {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (SchemaRegistryClient registry = HttpSchemaRegistryClient.fromConfig(Map.of(SchemaRegistryClientConfig.URL, registryUrl));
             KafkaConsumer<String, ImageAudit> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                     Topics.create(registry, Map.of()).imageAudit().valueSerde().deserializer())) {
            List<TopicPartition> tps = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                tps.add(new TopicPartition(Topics.IMAGE_AUDIT, p));
            }
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            Map<TopicPartition, Long> end = consumer.endOffsets(tps);
            counts.put("end offsets", end.values().stream().mapToLong(Long::longValue).sum());
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (tps.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, ImageAudit> r : consumer.poll(Duration.ofMillis(200))) {
                    counts.merge(r.value() == null ? "null" : r.value().getAction().toString(), 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    /** p-quantile of {@code values} (sorted copy), or NaN when empty. */
    static double quantile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1 < 0 ? 0
                : (int) Math.ceil(p * sorted.length) - 1)];
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
        events.join(5_000);
        registry.close();
    }
}
