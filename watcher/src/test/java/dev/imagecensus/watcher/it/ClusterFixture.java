package dev.imagecensus.watcher.it;

import dev.imagecensus.embedded.junit.TestStack;
import dev.imagecensus.fakeapi.FakeApiServer;
import dev.imagecensus.fakeapi.FakeCluster;
import dev.imagecensus.fakeapi.Kubeconfig;
import dev.imagecensus.fakeapi.ResourceKind;
import dev.imagecensus.watcher.KubeAccess;
import dev.imagecensus.watcher.Watcher;
import dev.imagecensus.watcher.WatcherConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** One test's world: a fake API server, a compacted image-events topic of its own, and watchers started on them. */
final class ClusterFixture implements AutoCloseable {

    static final Duration READY = Duration.ofSeconds(60);

    final TestStack stack;
    final FakeApiServer server;
    final String topic;
    final String cluster;
    final List<String> lines = new CopyOnWriteArrayList<>();
    private final Path kubeconfig;

    ClusterFixture(TestStack stack) throws IOException {
        this.stack = stack;
        this.server = FakeApiServer.builder().start();
        this.topic = stack.uniqueTopic("image-events");
        this.cluster = stack.uniqueId("it");
        stack.createTopic(topic, 3, Map.of("cleanup.policy", "compact"));
        this.kubeconfig = Kubeconfig.write(server, Files.createTempFile("kubeconfig", ".yaml"));
    }

    FakeCluster api() {
        return server.cluster();
    }

    void create(PodJson pod) {
        api().create(ResourceKind.POD, pod.json());
    }

    void update(PodJson pod) {
        api().update(ResourceKind.POD, pod.json());
    }

    void deletePod(String name) {
        api().delete(ResourceKind.POD, "default", name);
    }

    WatcherConfig.Builder config() {
        return WatcherConfig.builder().cluster(cluster)
                .kubeAccess(KubeAccess.kubeconfig(kubeconfig, Kubeconfig.CONTEXT))
                .topic(topic).bootstrapServers(stack.bootstrapServers()).schemaRegistryUrl(stack.schemaRegistryUrl())
                .httpPort(0).listPageSize(2); // tiny pages: every list here is paged
    }

    /** Starts a watcher and waits until it has published its initial lists. */
    Watcher startWatcher(WatcherConfig config) throws Exception {
        Watcher watcher = Watcher.start(config, lines::add);
        if (!watcher.awaitReady(READY)) {
            List<String> problems = watcher.readinessProblems();
            watcher.close();
            throw new AssertionError("watcher not ready: " + problems);
        }
        return watcher;
    }

    Watcher startWatcher() throws Exception {
        return startWatcher(config().build());
    }

    EventsReader reader() {
        return new EventsReader(stack.bootstrapServers(), stack.schemaRegistryUrl(), topic);
    }

    String key(String podName, String container) {
        return cluster + "/" + PodJson.uid(podName) + "/" + container;
    }

    /** Polls until the condition holds or fails the test. */
    static void await(String what, Duration timeout, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(kubeconfig);
    }
}
