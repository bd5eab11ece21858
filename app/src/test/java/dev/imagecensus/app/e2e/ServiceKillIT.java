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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each service in its own JVM, killed for real (SIGKILL: no flush, no commit, no leaving the group) in turn while
 * the cluster churns, then restarted on the same state directory: the pipeline must converge to the ground truth,
 * and the audit must still hold exactly one ENTERED per image that came into use and one LEFT per image that left,
 * with no duplicate left behind by an interrupted transaction or a replay.
 */
@ExtendWith({StackExtension.class, DockerRegistryExtension.class})
class ServiceKillIT {

    private static final Logger log = LoggerFactory.getLogger(ServiceKillIT.class);
    private static final List<String> SERVICES = List.of("watcher", "enricher", "aggregator");
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void shouldConvergeWithoutDuplicateAuditWhenEachServiceIsKilledAndRestartedDuringChurn(
            TestStack stack, DockerRegistryProcess registry, @TempDir Path dir) throws Exception {
        // Given the realistic cluster and the three services in child JVMs, showing its ground truth
        ImageCatalogue images = ImageCatalogue.in(registry);
        Map<String, ServiceProcess> running = new LinkedHashMap<>();
        try (FakeApiServer api = FakeApiServer.builder().start()) {
            SimulatedCluster cluster = new SimulatedCluster(api.cluster(), images);
            Scenario.seed(cluster, images);
            GroundTruth truth = new GroundTruth(images);
            Truth initial = truth.of(api.cluster());
            InUseHistory history = new InUseHistory();
            history.observe(initial.imagesInUse());
            PipelineEnv env = new PipelineEnv(stack.bootstrapServers(), stack.schemaRegistryUrl(),
                    stack.uniqueId("e2e-kill") + ".", "e2e", Kubeconfig.write(api, dir.resolve("kubeconfig")), dir,
                    registry.host(), FreePorts.pick());
            env.createTopics();
            Convergence convergence = new Convergence(env);
            try {
                for (String service : SERVICES) {
                    running.put(service, ServiceProcess.start(service, env, dir.resolve("logs")));
                }
                Duration took = convergence.await(() -> truth.of(api.cluster()).view(), history, TIMEOUT,
                        () -> dead(running));
                log.info("e2e kill: initial sync matched in {} ms", took.toMillis());

                // When each service in turn is killed mid-churn, the cluster changes while it is down, and it restarts
                Iterator<Scenario.Step> steps = Scenario.churn(images).iterator();
                for (String service : SERVICES) {
                    apply(steps, 2, cluster, truth, history);
                    running.get(service).kill(); // right after changes: work in flight is lost
                    log.info("e2e kill: killed {}", service);
                    apply(steps, 2, cluster, truth, history);
                    running.put(service, ServiceProcess.start(service, env, dir.resolve("logs")));
                    log.info("e2e kill: restarted {}", service);
                    apply(steps, 1, cluster, truth, history);
                }
                steps.forEachRemaining(step -> apply(step, cluster, truth, history));
                assertThat(history.left()).isNotEmpty();

                // Then the pipeline converges to the ground truth with an exact audit
                took = convergence.await(() -> truth.of(api.cluster()).view(), history, TIMEOUT, () -> dead(running));
                assertThat(convergence.audit()).isEqualTo(history.expectedAudit());
                log.info("e2e kill: after kills and churn matched in {} ms", took.toMillis());
            } catch (AssertionError | RuntimeException e) {
                running.values().forEach(p -> log.error("e2e kill: {} log tail:\n{}", p.name(), p.tail()));
                throw e;
            } finally {
                for (ServiceProcess process : running.values()) {
                    process.close();
                }
                convergence.close();
            }
        }
    }

    private static void apply(Iterator<Scenario.Step> steps, int n, SimulatedCluster cluster, GroundTruth truth,
                              InUseHistory history) {
        for (int i = 0; i < n && steps.hasNext(); i++) {
            apply(steps.next(), cluster, truth, history);
        }
    }

    private static void apply(Scenario.Step step, SimulatedCluster cluster, GroundTruth truth, InUseHistory history) {
        step.action().accept(cluster);
        history.observe(truth.of(cluster.fake()).imagesInUse());
        log.info("e2e kill: {}", step);
    }

    private static String dead(Map<String, ServiceProcess> running) {
        return running.values().stream().filter(p -> !p.alive()).map(p -> p.name() + " died:\n" + p.tail())
                .findFirst().orElse("");
    }
}
