package dev.imagecensus.watcher.it;

import static dev.imagecensus.watcher.it.PodJson.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.embedded.junit.StackExtension;
import dev.imagecensus.embedded.junit.TestStack;
import dev.imagecensus.embedded.kafka.EmbeddedKafka;
import dev.imagecensus.embedded.kafka.EmbeddedKafkaConfig;
import dev.imagecensus.embedded.kafka.FreePorts;
import dev.imagecensus.embedded.kafka.TopicAdmin;
import dev.imagecensus.watcher.Watcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka down while pods keep changing: the small producer buffer fills, the watcher waits (not ready) with bounded
 * memory, and once the broker is back every event arrives exactly once. Uses a broker of its own to stop and restart.
 */
@ExtendWith(StackExtension.class)
class KafkaOutageIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int DURING_OUTAGE = 300;

    @Test
    void shouldResumeWithoutLossWhenKafkaComesBack(TestStack stack, @TempDir Path data) throws Exception {
        // Fixed ports and data dir, so the restarted broker is the same broker to the watcher's producer
        EmbeddedKafkaConfig brokerConfig = new EmbeddedKafkaConfig("127.0.0.1", FreePorts.pick(), FreePorts.pick(), data, Map.of());
        EmbeddedKafka kafka = EmbeddedKafka.start(brokerConfig);
        try (ClusterFixture f = new ClusterFixture(stack)) {
            TopicAdmin.createAndAwait(kafka.bootstrapServers(),
                    new NewTopic(f.topic, 2, (short) 1).configs(Map.of("cleanup.policy", "compact")));
            f.create(pod("before").container("c", "nginx:1.27"));
            var config = f.config().bootstrapServers(kafka.bootstrapServers())
                    .kafkaProperty("buffer.memory", "65536").kafkaProperty("batch.size", "16384")
                    .kafkaProperty("max.block.ms", "1000").build();

            try (Watcher watcher = f.startWatcher(config)) {
                kafka.close();
                for (int i = 0; i < DURING_OUTAGE; i++) {
                    f.create(pod("during-" + i).container("c", "registry.example.com/team/app-" + i + ":1.0"));
                }
                ClusterFixture.await("the watcher to wait for Kafka", TIMEOUT,
                        () -> watcher.readinessProblems().stream().anyMatch(p -> p.startsWith("waiting for Kafka")));

                kafka = EmbeddedKafka.start(brokerConfig);
                ClusterFixture.await("the watcher to be ready again", TIMEOUT, watcher::ready);

                try (EventsReader reader = new EventsReader(kafka.bootstrapServers(), stack.schemaRegistryUrl(), f.topic)) {
                    Map<String, List<String>> events = reader.byKey(reader.awaitTotal(1 + DURING_OUTAGE, TIMEOUT,
                            Duration.ofSeconds(2)));
                    assertThat(events).hasSize(1 + DURING_OUTAGE);
                    assertThat(events.values()).allSatisfy(perKey -> assertThat(perKey).hasSize(1).allMatch(e -> e.startsWith("ADDED")));
                }
            }
        } finally {
            kafka.close();
        }
    }
}
