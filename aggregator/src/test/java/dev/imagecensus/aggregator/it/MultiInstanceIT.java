package dev.imagecensus.aggregator.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imagecensus.aggregator.Aggregator;
import dev.imagecensus.aggregator.AggregatorConfig;
import dev.imagecensus.embedded.junit.ClusterFeed;
import dev.imagecensus.embedded.junit.StackExtension;
import dev.imagecensus.embedded.junit.TestStack;
import dev.imagecensus.embedded.kafka.FreePorts;
import dev.imagecensus.schemas.TopicLayout;
import dev.imagecensus.schemas.Topics;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.FipsStatus;
import dev.imagecensus.schemas.reference.ImageReference;
import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Two aggregator instances share the partitions; either one answers for the whole application. */
@ExtendWith(StackExtension.class)
class MultiInstanceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int IMAGES = 8;

    @Test
    void shouldAnswerCompletelyOnEitherInstanceWhenTwoInstancesSplitThePartitions(TestStack stack, @TempDir Path stateA,
                                                                                    @TempDir Path stateB) throws Exception {
        // Given two instances of one application, each telling the other its HTTP address
        String id = stack.uniqueId("aggregator-multi-it");
        UnaryOperator<Topics.Builder> names = b -> b.suffix("-" + id);
        TopicLayout.all(4).forEach(t -> stack.createTopic(t.name() + "-" + id, 4, t.configs()));
        int portA = FreePorts.pick();
        int portB = FreePorts.pick();
        try (Aggregator a = Aggregator.start(config(stack, id, stateA, portA), names);
             Aggregator b = Aggregator.start(config(stack, id, stateB, portB), names)) {
            HttpProbe httpA = new HttpProbe(a.httpPort());
            HttpProbe httpB = new HttpProbe(b.httpPort());
            httpA.await("/readyz", body -> true, TIMEOUT);
            httpB.await("/readyz", body -> true, TIMEOUT);

            // When eight images run in eight namespaces, half of them classified
            List<String> images = new ArrayList<>();
            try (SchemaRegistryClient client = HttpSchemaRegistryClient.fromConfig(config(stack, id, stateA, portA).registryClientProperties());
                 ClusterFeed feed = new ClusterFeed(stack.bootstrapServers(), names.apply(Topics.builder(client)).build())) {
                for (int i = 0; i < IMAGES; i++) {
                    String image = "registry.example.com/team-" + i + "/app:1." + i;
                    images.add(ImageReference.parse(image).canonical());
                    feed.added("ns-" + i, "app-" + i + "-0", "Deployment", "app-" + i, image);
                    if (i % 2 == 0) {
                        feed.classified(image, "debian", "12", FipsStatus.NOT_DETECTED, Existence.AVAILABLE);
                    }
                }
            }

            // Then either instance lists every image, workload and inventory namespace
            for (HttpProbe http : List.of(httpA, httpB)) {
                JsonNode all = http.awaitJson("/api/images", json -> json.get("count").asInt() == IMAGES
                        && json.findValues("classified").stream().filter(JsonNode::asBoolean).count() == IMAGES / 2, TIMEOUT);
                assertThat(all.get("images").findValuesAsText("image")).containsExactlyInAnyOrderElementsOf(images);
                http.awaitJson("/api/workloads", json -> json.get("count").asInt() == IMAGES, TIMEOUT);
                JsonNode kai = http.awaitJson("/api/inventory", json -> json.get("results").size() == IMAGES, TIMEOUT);
                assertThat(kai.get("results").findValuesAsText("namespace"))
                        .containsExactlyElementsOf(IntStream.range(0, IMAGES).mapToObj(i -> "ns-" + i).toList());
                // And finds each image by key, wherever its partition lives
                for (String image : images) {
                    String path = "/api/images/" + URLEncoder.encode(image, StandardCharsets.UTF_8);
                    assertThat(http.awaitJson(path, json -> true, TIMEOUT).get("image").asText()).isEqualTo(image);
                }
            }

            // And each instance on its own holds only its share: the shares are disjoint and make up the whole
            List<String> localA = httpA.awaitJson("/api/images?local=true", json -> true, TIMEOUT).findValuesAsText("image");
            List<String> localB = httpB.awaitJson("/api/images?local=true", json -> true, TIMEOUT).findValuesAsText("image");
            assertThat(localA).as("instance A's share").isNotEmpty().doesNotContainAnyElementsOf(localB);
            assertThat(localB).as("instance B's share").isNotEmpty();
            Set<String> union = new HashSet<>(localA);
            union.addAll(localB);
            assertThat(union).containsExactlyInAnyOrderElementsOf(images);
        }
    }

    private static AggregatorConfig config(TestStack stack, String id, Path stateDir, int port) {
        return AggregatorConfig.builder().applicationId(id).bootstrapServers(stack.bootstrapServers())
                .schemaRegistryUrl(stack.schemaRegistryUrl()).stateDir(stateDir).httpPort(port)
                .applicationServer("127.0.0.1:" + port).kafkaProperty("commit.interval.ms", "100").build();
    }
}
