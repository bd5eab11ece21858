package dev.imagecensus.enricher.it;

import dev.imagecensus.embedded.junit.TestStack;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Topics of one test (unique names on the shared broker), a producer of image events, readers of
 * classifications, and enricher instances started on them as in production (exactly-once, real registries).
 */
final class EnricherStack implements AutoCloseable {

    final TestStack stack;
    final String id;
    final Topics topics;
    private final UnaryOperator<Topics.Builder> names;
    private final SchemaRegistryClient schemas;
    private final KafkaProducer<String, ImageEvent> producer;
    private final List<Path> stateDirs = new ArrayList<>();

    EnricherStack(TestStack stack, String name) {
        this.stack = stack;
        this.id = stack.uniqueId(name);
        this.names = b -> b.suffix("-" + id);
        stack.createTopic(Topics.IMAGE_EVENTS + "-" + id, 2, Map.of("cleanup.policy", "compact"));
        stack.createTopic(Topics.IMAGE_CLASSIFICATIONS + "-" + id, 2, Map.of("cleanup.policy", "compact"));
        schemas = HttpSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", stack.schemaRegistryUrl()));
        topics = names.apply(Topics.builder(schemas)).build();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                new StringSerializer(), topics.imageEvents().valueSerde().serializer());
    }

    /** The production configuration with this test's application id, a fresh state dir and a free HTTP port. */
    EnricherConfig config() {
        Path stateDir = tempDir();
        stateDirs.add(stateDir);
        return EnricherConfig.defaults(stack.bootstrapServers(), stack.schemaRegistryUrl(), stateDir.toString())
                .withApplicationId(id).withHttpPort(0);
    }

    Enricher start(EnricherConfig config, RegistrySettings registry) {
        return Enricher.start(config, registry, names);
    }

    /** One running container of {@code image}, in its own pod. */
    void run(String pod, String image) {
        String canonical = ImageReference.parse(image).canonical();
        ImageEvent event = ImageEvent.newBuilder().setType(ImageEventType.ADDED).setCluster("it").setNamespace("default")
                .setPodName(pod).setPodUid(pod + "-uid").setContainer("app").setImage(image).setImageRef(canonical)
                .setPhase("Running").setObservedAt(Instant.now()).build();
        producer.send(new ProducerRecord<>(topics.imageEvents().name(), "it/" + pod + "-uid/app", event));
    }

    void flush() {
        producer.flush();
    }

    TopicReader<ImageClassification> classifications() {
        return new TopicReader<>(stack.bootstrapServers(), topics.imageClassifications().name(),
                topics.imageClassifications().valueSerde().deserializer());
    }

    /** GET {@code path} on the enricher's HTTP port: status and body. */
    static HttpResponse<String> http(Enricher enricher, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + enricher.httpPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("enricher-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
        schemas.close();
        for (Path dir : stateDirs) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // best effort: a temp dir
            }
        }
    }
}
