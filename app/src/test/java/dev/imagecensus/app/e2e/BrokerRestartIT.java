package dev.imagecensus.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.app.e2e.GroundTruth.Truth;
import dev.imagecensus.embedded.junit.DockerRegistryExtension;
import dev.imagecensus.embedded.kafka.EmbeddedKafka;
import dev.imagecensus.embedded.kafka.EmbeddedKafkaConfig;
import dev.imagecensus.embedded.kafka.FreePorts;
import dev.imagecensus.embedded.oci.DockerRegistryProcess;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistry;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistryConfig;
import dev.imagecensus.fakeapi.FakeApiServer;
import dev.imagecensus.fakeapi.Kubeconfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker stops while the cluster churns and comes back on the same ports and data: the pipeline, left alone,
 * must recover (no service restarted, none in error) and converge to the ground truth with an exact audit.
 *
 * <p>This test runs its own broker and schema registry instead of the JVM's shared {@code TestStack}: every other
 * {@code *IT} of the JVM uses the shared one, and it offers no restart, so restarting it would pull the broker from
 * under tests that do not expect it (and its registry) and tie this test to their order. A second in-process KRaft
 * node costs ~4 s and is what {@code LocalCommandIT} does already; on fixed ports and a kept data directory it
 * restarts in place.
 */
@ExtendWith(DockerRegistryExtension.class)
class BrokerRestartIT {

    private static final Logger log = LoggerFactory.getLogger(BrokerRestartIT.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void shouldRecoverByItselfAndConvergeWhenTheBrokerRestarts(DockerRegistryProcess registry, @TempDir Path dir)
            throws Exception {
        // Given a broker on fixed ports with its data in dir, and the pipeline showing the ground truth
        EmbeddedKafkaConfig brokerConfig = new EmbeddedKafkaConfig("127.0.0.1", FreePorts.pick(), FreePorts.pick(),
                dir.resolve("kafka"), Map.of());
        EmbeddedKafka kafka = EmbeddedKafka.start(brokerConfig);
        ImageCatalogue images = ImageCatalogue.in(registry);
        try (EmbeddedSchemaRegistry schemas = EmbeddedSchemaRegistry.start(
                EmbeddedSchemaRegistryConfig.kafka(kafka.bootstrapServers()));
             FakeApiServer api = FakeApiServer.builder().start()) {
            SimulatedCluster cluster = new SimulatedCluster(api.cluster(), images);
            Scenario.seed(cluster, images);
            GroundTruth truth = new GroundTruth(images);
            Truth initial = truth.of(api.cluster());
            InUseHistory history = new InUseHistory();
            history.observe(initial.imagesInUse());
            PipelineEnv env = new PipelineEnv(kafka.bootstrapServers(), schemas.url(), "e2e-broker.", "e2e",
                    Kubeconfig.write(api, dir.resolve("kubeconfig")), dir, registry.host(), FreePorts.pick());
            env.createTopics();
            Convergence convergence = new Convergence(env);
            try (InProcessPipeline pipeline = InProcessPipeline.start(env)) {
                Duration took = convergence.await(() -> truth.of(api.cluster()).view(), history, TIMEOUT,
                        pipeline::problem);
                log.info("e2e broker: initial sync matched in {} ms", took.toMillis());

                // When the broker stops, the cluster changes meanwhile, and the broker starts again on the same data
                Iterator<Scenario.Step> steps = Scenario.churn(images).iterator();
                apply(steps, 3, cluster, truth, history, Duration.ofMillis(300));
                kafka.close();
                log.info("e2e broker: broker stopped");
                // Down for over 12 s: longer than the streams apps' transaction timeout (10 s) and group sessions (6 s)
                apply(steps, 5, cluster, truth, history, Duration.ofMillis(2_500));
                kafka = EmbeddedKafka.start(brokerConfig);
                log.info("e2e broker: broker started again");
                apply(steps, Integer.MAX_VALUE, cluster, truth, history, Duration.ofMillis(300));

                // Then, with no service restarted, the pipeline converges to the ground truth with an exact audit
                took = convergence.await(() -> truth.of(api.cluster()).view(), history, TIMEOUT, pipeline::problem);
                assertThat(pipeline.problem()).isEmpty();
                assertThat(convergence.audit()).isEqualTo(history.expectedAudit());
                log.info("e2e broker: after the restart matched in {} ms", took.toMillis());
            } finally {
                convergence.close();
            }
        } finally {
            kafka.close();
        }
    }

    private static void apply(Iterator<Scenario.Step> steps, int n, SimulatedCluster cluster, GroundTruth truth,
                              InUseHistory history, Duration pacing) throws InterruptedException {
        for (int i = 0; i < n && steps.hasNext(); i++) {
            Scenario.Step step = steps.next();
            step.action().accept(cluster);
            history.observe(truth.of(cluster.fake()).imagesInUse());
            log.info("e2e broker: {}", step);
            Thread.sleep(pacing.toMillis()); // pacing only: changes arrive over time
        }
    }
}
