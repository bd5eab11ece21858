package dev.imagecensus.app;

import dev.imagecensus.watcher.KubeAccess;
import dev.imagecensus.watcher.Watcher;
import dev.imagecensus.watcher.WatcherConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code image-census watcher}: publishes one event per container image appearing or going away. */
@Command(name = "watcher", mixinStandardHelpOptions = true,
        description = "Watch every pod and publish image events to Kafka (image-events).")
final class WatcherCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--cluster", defaultValue = "${env:IMAGE_CENSUS_CLUSTER:-default}",
            description = "Cluster name, the prefix of every event key (env IMAGE_CENSUS_CLUSTER, default: ${DEFAULT-VALUE}).")
    String cluster;

    @Option(names = "--kubeconfig", description = "Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config; in-cluster when running in a pod).")
    Path kubeconfig;

    @Option(names = "--context", description = "Kubeconfig context (default: the file's current context).")
    String context;

    @Option(names = "--in-cluster", description = "Use the pod's service account.")
    boolean inCluster;

    @Option(names = "--namespace-include", split = ",", description = "Namespaces to watch: names or regexes (default: all).")
    List<String> namespaceInclude = new ArrayList<>();

    @Option(names = "--namespace-exclude", split = ",", description = "Namespaces to ignore: names or regexes; wins over include.")
    List<String> namespaceExclude = new ArrayList<>();

    @Option(names = "--running-only", description = "Count only Running pods (KAI's ignore-not-running).")
    boolean runningOnly;

    @Option(names = "--topic", defaultValue = "image-events", description = "Topic to publish to (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--http-port", defaultValue = "${env:IMAGE_CENSUS_HTTP_PORT:-8080}",
            description = "Port of /healthz, /readyz and /metrics (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Override
    public Integer call() throws Exception {
        WatcherConfig.Builder builder = WatcherConfig.builder()
                .cluster(cluster)
                .kubeAccess(kubeAccess())
                .namespaceInclude(namespaceInclude)
                .namespaceExclude(namespaceExclude)
                .runningOnly(runningOnly)
                .topic(topic)
                .bootstrapServers(kafka.bootstrapServers)
                .schemaRegistryUrl(kafka.schemaRegistryUrl)
                .httpPort(httpPort);
        kafka.kafkaProperties.forEach(builder::kafkaProperty);
        kafka.registryProperties.forEach(builder::registryProperty);
        try (Watcher watcher = Watcher.start(builder.build())) {
            Runtime.getRuntime().addShutdownHook(new Thread(watcher::close, "watcher-shutdown"));
            watcher.awaitTermination();
            // awaitTermination also returns on a fatal publishing error: report it as a failure.
            return watcher.livenessProblems().isEmpty() ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private KubeAccess kubeAccess() {
        return KubeSelection.choose(inCluster, kubeconfig, context);
    }

    /** Which cluster to talk to, like kubectl: flag, then $KUBECONFIG, then ~/.kube/config, then in-cluster. */
    static final class KubeSelection {

        private KubeSelection() {
        }

        static KubeAccess choose(boolean inCluster, Path kubeconfig, String context) {
            if (inCluster) {
                return KubeAccess.inCluster();
            }
            if (kubeconfig != null) {
                return KubeAccess.kubeconfig(kubeconfig, context);
            }
            String env = System.getenv("KUBECONFIG");
            if (env != null && !env.isBlank()) {
                return KubeAccess.kubeconfig(Path.of(env.split(java.io.File.pathSeparator)[0]), context);
            }
            Path home = Path.of(System.getProperty("user.home"), ".kube", "config");
            if (Files.isRegularFile(home)) {
                return KubeAccess.kubeconfig(home, context);
            }
            if (System.getenv("KUBERNETES_SERVICE_HOST") != null) {
                return KubeAccess.inCluster();
            }
            throw new IllegalArgumentException("No Kubernetes cluster found: no --kubeconfig, no $KUBECONFIG, no "
                    + home + " and not running in a pod. Try `image-census local --demo` for a simulated cluster.");
        }
    }
}
