package dev.imagecensus.bench;

import dev.imagecensus.embedded.kafka.EmbeddedKafka;
import dev.imagecensus.embedded.kafka.EmbeddedKafkaConfig;
import dev.imagecensus.embedded.kafka.TopicAdmin;
import dev.imagecensus.embedded.oci.SyntheticImage;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistry;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistryConfig;
import dev.imagecensus.enricher.Enricher;
import dev.imagecensus.enricher.EnricherConfig;
import dev.imagecensus.enricher.RegistrySettings;
import dev.imagecensus.schemas.Topics;
import dev.imagecensus.schemas.avro.ImageClassification;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.avro.ImageEventType;
import dev.imagecensus.schemas.reference.ImageReference;
import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Registry cost of a fleet: {@code pods} pods over {@code images} images, through the real enricher (embedded
 * broker, exactly-once) versus the seed's way, one {@code skopeo inspect} per pod. Both talk to the registry
 * through the same {@link CountingProxy}, so requests and bytes are counted identically.
 */
final class PodsBench {

    /** Registry cost of one approach. */
    record Cost(long requests, long bytes, long millis) {
    }

    private PodsBench() {
    }

    /** Every pod's event into {@code image-events}; returns once each image has its classification. */
    static Cost enricher(List<SyntheticImage> images, int pods, CountingProxy proxy, RegistrySettings settings,
                         int threads) throws Exception {
        Path dir = Files.createTempDirectory("bench-enricher-");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.defaults().withDataDir(dir.resolve("kafka")));
             EmbeddedSchemaRegistry schemaRegistry = EmbeddedSchemaRegistry.start(EmbeddedSchemaRegistryConfig.inMemory());
             SchemaRegistryClient schemas = HttpSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", schemaRegistry.url()))) {
            TopicAdmin.createAndAwait(kafka.bootstrapServers(), new NewTopic(Topics.IMAGE_EVENTS, 4, (short) 1),
                    new NewTopic(Topics.IMAGE_CLASSIFICATIONS, 4, (short) 1));
            Topics topics = Topics.builder(schemas).build();
            EnricherConfig config = EnricherConfig.defaults(kafka.bootstrapServers(), schemaRegistry.url(),
                    dir.resolve("state").toString()).withHttpPort(0).withInspections(threads, threads * 4);
            proxy.takeCounts();
            long start = System.nanoTime();
            try (Enricher enricher = Enricher.start(config, settings);
                 KafkaProducer<String, ImageEvent> producer = new KafkaProducer<>(
                         Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 20),
                         new StringSerializer(), topics.imageEvents().valueSerde().serializer())) {
                for (int pod = 0; pod < pods; pod++) {
                    String image = images.get(pod % images.size()).reference(proxy.host());
                    producer.send(new ProducerRecord<>(topics.imageEvents().name(), "bench/pod-" + pod + "-uid/app",
                            event(pod, image)));
                }
                producer.flush();
                awaitClassifications(kafka.bootstrapServers(), topics, images.size());
            }
            long[] counts = proxy.takeCounts();
            return new Cost(counts[0], counts[1], (System.nanoTime() - start) / 1_000_000);
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** {@code skopeo inspect} for pods 0..sample-1 (pod i runs image i mod images), one process each. */
    static Cost skopeo(List<SyntheticImage> images, int sample, CountingProxy proxy) throws Exception {
        proxy.takeCounts();
        long start = System.nanoTime();
        for (int pod = 0; pod < sample; pod++) {
            String image = images.get(pod % images.size()).reference(proxy.host());
            Process process = new ProcessBuilder("skopeo", "inspect", "-n", "--tls-verify=false", "docker://" + image)
                    .redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("skopeo failed for " + image + ": " + new String(output));
            }
        }
        long[] counts = proxy.takeCounts();
        return new Cost(counts[0], counts[1], (System.nanoTime() - start) / 1_000_000);
    }

    private static ImageEvent event(int pod, String image) {
        return ImageEvent.newBuilder().setType(ImageEventType.ADDED).setCluster("bench").setNamespace("default")
                .setPodName("pod-" + pod).setPodUid("pod-" + pod + "-uid").setContainer("app").setImage(image)
                .setImageRef(ImageReference.parse(image).canonical()).setPhase("Running").setObservedAt(Instant.now())
                .build();
    }

    private static void awaitClassifications(String bootstrap, Topics topics, int expected) {
        Map<String, ImageClassification> latest = new HashMap<>();
        try (KafkaConsumer<String, ImageClassification> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "bench-reader",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), topics.imageClassifications().valueSerde().deserializer())) {
            consumer.subscribe(List.of(topics.imageClassifications().name()));
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (latest.size() < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + latest.size() + " of " + expected + " classified");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(r -> latest.put(r.key(), r.value()));
            }
        }
    }
}
