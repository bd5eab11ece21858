package dev.imagecensus.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.app.e2e.GroundTruth.Truth;
import dev.imagecensus.embedded.junit.DockerRegistryExtension;
import dev.imagecensus.embedded.junit.StackExtension;
import dev.imagecensus.embedded.junit.TestStack;
import dev.imagecensus.embedded.kafka.FreePorts;
import dev.imagecensus.embedded.oci.DockerRegistryProcess;
import dev.imagecensus.fakeapi.FakeApiServer;
import dev.imagecensus.fakeapi.Kubeconfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline (watcher, enricher, aggregator in this JVM) on the shared broker and registry, a real
 * docker-registry holding the images, and a fake API server with a realistic cluster: what the aggregator shows must
 * equal the ground truth computed from the cluster's objects, first after the initial sync, then after churn; the
 * audit must hold exactly one ENTERED per image that came into use and one LEFT per image that went out of use.
 */
@ExtendWith({StackExtension.class, DockerRegistryExtension.class})
class PipelineGroundTruthIT {

    private static final Logger log = LoggerFactory.getLogger(PipelineGroundTruthIT.class);
    static final Duration CONVERGENCE_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void shouldShowTheGroundTruthOfARealisticClusterAndKeepShowingItThroughChurn(
            TestStack stack, DockerRegistryProcess registry, @TempDir Path dir) throws Exception {
        // Given a cluster of 200 pods over 34 images, every synthetic kind among them
        ImageCatalogue images = ImageCatalogue.in(registry);
        try (FakeApiServer api = FakeApiServer.builder().start()) {
            SimulatedCluster cluster = new SimulatedCluster(api.cluster(), images);
            Scenario.seed(cluster, images);
            GroundTruth truth = new GroundTruth(images);
            Truth initial = truth.of(api.cluster());
            assertThat(initial.pods()).isGreaterThanOrEqualTo(200);
            assertThat(initial.imagesInUse()).hasSizeGreaterThanOrEqualTo(30)
                    .containsAll(ImageCatalogue.kinds().stream().map(images::synthetic).toList());
            InUseHistory history = new InUseHistory();
            history.observe(initial.imagesInUse());
            PipelineEnv env = new PipelineEnv(stack.bootstrapServers(), stack.schemaRegistryUrl(),
                    stack.uniqueId("e2e-truth") + ".", "e2e", Kubeconfig.write(api, dir.resolve("kubeconfig")), dir,
                    registry.host(), FreePorts.pick());
            env.createTopics();

            // When the pipeline starts
            Convergence convergence = new Convergence(env);
            try (InProcessPipeline pipeline = InProcessPipeline.start(env)) {
                // Then it shows the ground truth: counts, FIPS/OS state, existence, inventory; one ENTERED per image
                Duration took = convergence.await(() -> truth.of(api.cluster()).view(), history, CONVERGENCE_TIMEOUT,
                        pipeline::problem);
                log.info("e2e: initial sync of {} pods / {} images matched the ground truth in {} ms",
                        initial.pods(), initial.imagesInUse().size(), took.toMillis());

                // When the cluster churns
                for (Scenario.Step step : Scenario.churn(images)) {
                    step.action().accept(cluster);
                    history.observe(truth.of(api.cluster()).imagesInUse());
                    Thread.sleep(150); // pacing only: changes arrive over time, not in one burst
                }
                assertThat(history.entered()).hasSizeGreaterThan(initial.imagesInUse().size());
                assertThat(history.left()).isNotEmpty();

                // Then it shows the new ground truth, and the audit counts every entry and exit exactly once
                took = convergence.await(() -> truth.of(api.cluster()).view(), history, CONVERGENCE_TIMEOUT,
                        pipeline::problem);
                assertThat(convergence.audit()).isEqualTo(history.expectedAudit());
                log.info("e2e: after churn ({} images entered, {} left) matched in {} ms",
                        history.entered().size() - initial.imagesInUse().size(), history.left().size(), took.toMillis());
            } finally {
                convergence.close();
            }
        }
    }
}
