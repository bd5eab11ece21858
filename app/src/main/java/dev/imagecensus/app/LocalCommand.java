package dev.imagecensus.app;

import dev.imagecensus.app.demo.DemoCluster;
import dev.imagecensus.app.demo.DemoImages;
import dev.imagecensus.app.demo.DemoRegistry;
import dev.imagecensus.watcher.KubeAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code image-census local}: the whole pipeline in this JVM until Ctrl-C: embedded Kafka and schema registry with
 * the product's topics, then watcher, enricher and aggregator against them, watching the current kubeconfig
 * context or, with {@code --demo}, a bundled simulated cluster.
 */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "Run everything in one JVM: embedded Kafka (KRaft) and schema registry, watcher, enricher and aggregator.")
final class LocalCommand implements Callable<Integer> {

    private static final String HOST = "127.0.0.1";

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka listener port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--registry-port", defaultValue = "8081", description = "Schema registry port (default: ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--http-port", defaultValue = "8080",
            description = "Port of the page, /api, /metrics and /readyz (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--data-dir", description = "Where Kafka and the services keep their data (default: ~/.image-census/local).")
    Path dataDir;

    @Option(names = "--cluster", description = "Cluster name in events and /api/inventory (default: local, or demo with --demo).")
    String cluster;

    @Option(names = "--kubeconfig", description = "Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config; in-cluster when running in a pod).")
    Path kubeconfig;

    @Option(names = "--context", description = "Kubeconfig context (default: the file's current context).")
    String context;

    @Option(names = "--demo", description = "Watch a bundled simulated cluster with realistic workloads and churn instead of a real one.")
    boolean demo;

    @Option(names = "--demo-registry", paramLabel = "HOST:PORT",
            description = "With --demo: push the bundled synthetic images to this plain-HTTP registry and run those, so classification works offline.")
    String demoRegistry;

    @Option(names = "--demo-churn", defaultValue = "PT5S",
            description = "With --demo: how often the simulated cluster changes, ISO-8601; PT0S for never (default: ${DEFAULT-VALUE}).")
    Duration demoChurn;

    @Override
    public Integer call() throws Exception {
        if (demoRegistry != null && !demo) {
            throw new IllegalArgumentException("--demo-registry needs --demo");
        }
        Path dir = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".image-census", "local");
        Files.createDirectories(dir);
        StopSignal stop = StopSignal.install();
        try (Resources running = new Resources()) {
            KubeAccess kube = demo ? startDemo(running, dir) : WatcherCommand.KubeSelection.choose(false, kubeconfig, context);
            LocalStack stack = running.add(LocalStack.start(new LocalStack.Settings(HOST, kafkaPort, registryPort, dir)));
            String name = cluster != null ? cluster : demo ? "demo" : "local";
            Set<String> insecure = demoRegistry != null ? Set.of(demoRegistry) : Set.of();
            LocalPipeline pipeline = running.add(LocalPipeline.start(stack,
                    new LocalPipeline.Settings(name, kube, httpPort, dir, insecure)));
            System.out.println(stack.describe());
            System.out.println(pipeline.describe("localhost"));
            running.demo().ifPresent(d -> System.out.println("  Demo cluster     " + d.describe()));
            System.out.println("Press Ctrl-C to stop.");
            return stop.await(pipeline::check);
        } finally {
            stop.closed();
        }
    }

    private KubeAccess startDemo(Resources running, Path dir) throws Exception {
        if (kubeconfig != null || context != null) {
            throw new IllegalArgumentException("--demo watches the simulated cluster: drop --kubeconfig/--context");
        }
        DemoImages images = demoRegistry != null ? DemoRegistry.push(demoRegistry) : DemoImages.publicImages();
        DemoCluster cluster = running.demo(DemoCluster.start(images, demoChurn));
        return WatcherCommand.KubeSelection.choose(false, cluster.writeKubeconfig(dir.resolve("demo-kubeconfig")), null);
    }
}
