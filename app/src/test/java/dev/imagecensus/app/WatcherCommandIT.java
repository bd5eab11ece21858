package dev.imagecensus.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.embedded.junit.StackExtension;
import dev.imagecensus.embedded.junit.TestStack;
import dev.imagecensus.fakeapi.FakeApiServer;
import dev.imagecensus.fakeapi.Kubeconfig;
import dev.imagecensus.fakeapi.ResourceKind;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.avro.ImageEventType;
import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import dev.imagecensus.schemas.serde.AvroDeserializer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code image-census watcher} wired end to end: flags → kubeconfig → fake API server → real broker and registry. */
@ExtendWith(StackExtension.class)
class WatcherCommandIT {

    private static final String POD = """
            {"metadata": {"name": "web", "namespace": "default", "uid": "0b7c1c3e-1111-4222-8333-944455556666"},
             "spec": {"containers": [{"name": "nginx", "image": "nginx:1.27"}]},
             "status": {"phase": "Running",
                        "containerStatuses": [{"name": "nginx", "image": "nginx:1.27",
                          "imageID": "docker.io/library/nginx@sha256:%s"}]}}
            """.formatted("ab".repeat(32));

    @Test
    void shouldPublishThePodsImagesWhenStartedWithAKubeconfig(TestStack stack, @TempDir Path dir) throws Exception {
        String topic = stack.uniqueTopic("image-events");
        stack.createTopic(topic, 1);
        AtomicInteger exit = new AtomicInteger(-1);
        try (FakeApiServer api = FakeApiServer.builder().start()) {
            api.cluster().create(ResourceKind.POD, POD);
            Path kubeconfig = Kubeconfig.write(api, dir.resolve("kubeconfig"));
            Thread watcher = new Thread(() -> exit.set(ImageCensus.commandLine().execute("watcher",
                    "--kubeconfig", kubeconfig.toString(), "--cluster", "it",
                    "--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url", stack.schemaRegistryUrl(),
                    "--topic", topic, "--http-port", "0")), "watcher-command");
            watcher.start();

            List<ImageEvent> events = read(stack, topic, 1);

            watcher.interrupt();
            watcher.join(Duration.ofSeconds(30).toMillis());
            assertThat(events).singleElement().satisfies(event -> {
                assertThat(event.getType()).isEqualTo(ImageEventType.ADDED);
                assertThat(event.getCluster()).isEqualTo("it");
                assertThat(event.getImageRef()).isEqualTo("docker.io/library/nginx:1.27");
                assertThat(event.getDigest()).isEqualTo("sha256:" + "ab".repeat(32));
                assertThat(event.getOwnerKind()).isEqualTo("Pod");
            });
            assertThat(exit.get()).isZero();
        }
    }

    private static List<ImageEvent> read(TestStack stack, String topic, int expected) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ImageEvent> events = new ArrayList<>();
        try (SchemaRegistryClient registry = HttpSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", stack.schemaRegistryUrl()));
             KafkaConsumer<String, ImageEvent> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                     new AvroDeserializer<>(registry, ImageEvent.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (events.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> events.add(r.value()));
            }
            consumer.poll(Duration.ofMillis(500)).forEach(r -> events.add(r.value()));
        }
        return events;
    }
}
