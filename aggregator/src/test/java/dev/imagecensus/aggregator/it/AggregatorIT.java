package dev.imagecensus.aggregator.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.aggregator.AggregatorConfig;
import dev.imagecensus.aggregator.AggregatorService;
import dev.imagecensus.aggregator.InventoryListener;
import dev.imagecensus.aggregator.domain.ImageState;
import dev.imagecensus.embedded.junit.StackExtension;
import dev.imagecensus.embedded.junit.TestStack;
import dev.imagecensus.schemas.Topics;
import dev.imagecensus.schemas.TopicLayout;
import dev.imagecensus.schemas.avro.AuditAction;
import dev.imagecensus.schemas.avro.ContainerType;
import dev.imagecensus.schemas.avro.DeadLetter;
import dev.imagecensus.schemas.avro.ImageAudit;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.avro.ImageEventType;
import dev.imagecensus.schemas.avro.ImageInventory;
import dev.imagecensus.schemas.reference.ImageReference;
import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The aggregator against the real broker and registry: exactly-once, outputs, dead letters, a restart. */
@ExtendWith(StackExtension.class)
class AggregatorIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String NGINX = ImageReference.parse("nginx:1.27").canonical();
    private static final String REDIS = ImageReference.parse("redis:7").canonical();

    @Test
    void shouldPublishInventoryAndAuditExactlyOnceAcrossARestartWhenRunningWithExactlyOnce(TestStack stack,
                                                                                         @TempDir Path stateDir) throws Exception {
        // Given the product's topics under unique names, and the aggregator configured as in production
        String id = stack.uniqueId("aggregator-it");
        UnaryOperator<Topics.Builder> names = b -> b.suffix("-" + id);
        TopicLayout.all(2).forEach(t -> stack.createTopic(t.name() + "-" + id, 2, t.configs()));
        AggregatorConfig config = AggregatorConfig.builder().applicationId(id).bootstrapServers(stack.bootstrapServers())
                .schemaRegistryUrl(stack.schemaRegistryUrl()).stateDir(stateDir).build();
        Map<String, ImageState> images = new ConcurrentHashMap<>();
        InventoryListener listener = new InventoryListener() {
            @Override
            public void onImageState(String image, ImageState old, ImageState now) {
                if (now == null) {
                    images.remove(image);
                } else {
                    images.put(image, now);
                }
            }
        };

        try (SchemaRegistryClient client = HttpSchemaRegistryClient.fromConfig(config.registryClientProperties());
             KafkaProducer<String, byte[]> producer = producer(stack)) {
            Topics topics = names.apply(Topics.builder(client)).build();
            Events events = new Events(producer, topics);
            try (TopicReader<ImageInventory> inventory = reader(stack, topics.imageInventory());
                 TopicReader<ImageAudit> audit = reader(stack, topics.imageAudit());
                 TopicReader<DeadLetter> deadLetters = reader(stack, topics.deadLetters())) {

                // When it starts and sees three containers of two images, and one undecodable record
                try (AggregatorService service = AggregatorService.start(config, names, listener)) {
                    awaitRunning(service);
                    events.send("web-1", "nginx:1.27", ImageEventType.ADDED);
                    events.send("web-2", "nginx:1.27", ImageEventType.ADDED);
                    producer.send(new ProducerRecord<>(topics.imageEvents().name(), "prod/poison/x",
                            "garbage".getBytes(StandardCharsets.UTF_8))).get();
                    events.send("api-1", "redis:7", ImageEventType.ADDED);

                    // Then each image entered once, the inventory counts them and the poison is dead-lettered
                    assertThat(audit.readUntil(a -> a.size() >= 2, TIMEOUT)).extracting(kv -> kv.key + " " + kv.value.getAction())
                            .containsExactlyInAnyOrder(NGINX + " ENTERED", REDIS + " ENTERED");
                    inventory.readUntil(rows -> containers(rows, NGINX) == 2 && containers(rows, REDIS) == 1, TIMEOUT);
                    assertThat(deadLetters.readUntil(d -> !d.isEmpty(), TIMEOUT).get(0).value.getErrorClass())
                            .contains("SerializationException");
                    assertThat(service.state()).isEqualTo(KafkaStreams.State.RUNNING);
                }

                // When it restarts on its state and changelogs, a third nginx container arrives and redis goes
                images.clear();
                try (AggregatorService service = AggregatorService.start(config, names, listener)) {
                    awaitRunning(service);
                    // Then the listener was re-seeded from the restored stores
                    assertThat(images.keySet()).containsExactlyInAnyOrder(NGINX, REDIS);
                    events.send("web-3", "nginx:1.27", ImageEventType.ADDED);
                    events.send("api-1", "redis:7", ImageEventType.DELETED);
                    events.tombstone("api-1");

                    // Then redis left, nginx did not enter a second time, and the inventory follows
                    inventory.readUntil(rows -> containers(rows, NGINX) == 3 && last(rows, REDIS) == null
                            && rows.stream().anyMatch(kv -> kv.key.equals(REDIS) && kv.value == null), TIMEOUT);
                    List<KeyValue<String, ImageAudit>> all = audit.readUntil(a -> a.size() >= 3, TIMEOUT);
                    assertThat(audit.readFor(Duration.ofSeconds(2))).hasSize(3);
                    assertThat(all.get(2).key).isEqualTo(REDIS);
                    assertThat(all.get(2).value.getAction()).isEqualTo(AuditAction.LEFT);
                    assertThat(all.get(2).value.getPod()).isEqualTo("api-1");
                }
            }
        }
    }

    @Test
    void shouldAuditEveryShortLivedPodWhenItsStartAndDeletionArriveInOneBatch(TestStack stack,
                                                                            @TempDir Path stateDir) throws Exception {
        // Given 20 pods, each on an image of its own, that started and were deleted while the aggregator was behind
        String id = stack.uniqueId("aggregator-short-lived");
        UnaryOperator<Topics.Builder> names = b -> b.suffix("-" + id);
        TopicLayout.all(1).forEach(t -> stack.createTopic(t.name() + "-" + id, 1, t.configs()));
        AggregatorConfig config = AggregatorConfig.builder().applicationId(id).bootstrapServers(stack.bootstrapServers())
                .schemaRegistryUrl(stack.schemaRegistryUrl()).stateDir(stateDir).build();
        try (SchemaRegistryClient client = HttpSchemaRegistryClient.fromConfig(config.registryClientProperties());
             KafkaProducer<String, byte[]> producer = producer(stack)) {
            Topics topics = names.apply(Topics.builder(client)).build();
            Events events = new Events(producer, topics);
            for (int i = 0; i < 20; i++) {
                events.send("job-" + i, "registry.example/job-" + i + ":1", ImageEventType.ADDED);
                events.send("job-" + i, "registry.example/job-" + i + ":1", ImageEventType.DELETED);
                events.tombstone("job-" + i);
            }
            try (TopicReader<ImageAudit> audit = reader(stack, topics.imageAudit());
                 AggregatorService service = AggregatorService.start(config, names, new InventoryListener() { })) {
                // When it catches up (all of them in its first poll)
                awaitRunning(service);

                // Then each image entered and left once: the audit records the pod even though the table's final
                // state no longer holds it
                assertThat(audit.readUntil(a -> a.size() >= 40, TIMEOUT)).extracting(kv -> kv.value.getAction())
                        .containsOnly(AuditAction.ENTERED, AuditAction.LEFT).hasSize(40);
            }
        }
    }

    private static void awaitRunning(AggregatorService service) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (service.state() != KafkaStreams.State.RUNNING) {
            assertThat(System.nanoTime()).as("RUNNING within %s, state %s", TIMEOUT, service.state()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static int containers(List<KeyValue<String, ImageInventory>> rows, String image) {
        ImageInventory row = last(rows, image);
        return row == null ? 0 : row.getContainers();
    }

    private static ImageInventory last(List<KeyValue<String, ImageInventory>> rows, String image) {
        ImageInventory row = null;
        for (KeyValue<String, ImageInventory> kv : rows) {
            if (kv.key.equals(image)) {
                row = kv.value;
            }
        }
        return row;
    }

    private static <V> TopicReader<V> reader(TestStack stack, Topics.Topic<String, V> topic) {
        return new TopicReader<>(stack.bootstrapServers(), topic.name(), topic.valueSerde().deserializer());
    }

    private static KafkaProducer<String, byte[]> producer(TestStack stack) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Writes image events as the watcher does (Avro through the registry), one container per pod. */
    private record Events(KafkaProducer<String, byte[]> producer, Topics topics) {

        void send(String pod, String image, ImageEventType type) throws Exception {
            ImageEvent event = ImageEvent.newBuilder().setType(type).setCluster("prod").setNamespace("default")
                    .setPodName(pod).setPodUid("uid-" + pod).setContainer("app").setContainerType(ContainerType.APP)
                    .setImage(image).setImageRef(ImageReference.parse(image).canonical()).setOwnerKind("Deployment")
                    .setOwnerName(pod.replaceAll("-\\d+$", "")).setObservedAt(Instant.now()).build();
            String topic = topics.imageEvents().name();
            producer.send(new ProducerRecord<>(topic, key(pod), topics.imageEvents().valueSerde().serializer()
                    .serialize(topic, event))).get();
        }

        void tombstone(String pod) throws Exception {
            producer.send(new ProducerRecord<>(topics.imageEvents().name(), key(pod), null)).get();
        }

        private static String key(String pod) {
            return "prod/uid-" + pod + "/app";
        }
    }
}
