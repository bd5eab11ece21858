package dev.imagecensus.app;

import dev.imagecensus.aggregator.Aggregator;
import dev.imagecensus.aggregator.AggregatorConfig;
import dev.imagecensus.enricher.Enricher;
import dev.imagecensus.enricher.EnricherConfig;
import dev.imagecensus.enricher.RegistrySettings;
import dev.imagecensus.watcher.KubeAccess;
import dev.imagecensus.watcher.Watcher;
import dev.imagecensus.watcher.WatcherConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three services of {@code image-census local}, in process against the {@link LocalStack}: watcher, enricher,
 * aggregator, each with its state under the data directory. Only the aggregator's HTTP port is fixed; its
 * {@code /readyz} answers 200 once the watcher has published its first lists and both streams apps run.
 */
final class LocalPipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPipeline.class);
    // The aggregator's audit log already shows each image entering and leaving: the watcher's lines only at debug.
    private static final Logger events = LoggerFactory.getLogger("dev.imagecensus.app.events");

    /** What the pipeline watches and where it keeps state and listens. */
    record Settings(String cluster, KubeAccess kube, int httpPort, Path dataDir, Set<String> insecureRegistries) {
    }

    private final Deque<AutoCloseable> services = new ArrayDeque<>(); // closed in reverse order of start
    private Watcher watcher;
    private Enricher enricher;
    private Aggregator aggregator;
    private boolean reportedReady;

    private LocalPipeline() {
    }

    /** Starts watcher, enricher and aggregator in that order; on failure stops what started and rethrows. */
    static LocalPipeline start(LocalStack stack, Settings settings) throws IOException {
        LocalPipeline pipeline = new LocalPipeline();
        try {
            pipeline.startAll(stack, settings);
            return pipeline;
        } catch (IOException | RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    private void startAll(LocalStack stack, Settings settings) throws IOException {
        watcher = Watcher.start(WatcherConfig.builder()
                .cluster(settings.cluster())
                .kubeAccess(settings.kube())
                .bootstrapServers(stack.bootstrapServers())
                .schemaRegistryUrl(stack.schemaRegistryUrl())
                .httpPort(0)
                .build(), line -> events.debug("{}", line));
        services.push(watcher);

        EnricherConfig enricherConfig = EnricherConfig.defaults(stack.bootstrapServers(), stack.schemaRegistryUrl(),
                settings.dataDir().resolve("enricher").toString()).withHttpPort(0);
        enricher = Enricher.start(enricherConfig,
                RegistrySettings.defaults().withInsecureRegistries(settings.insecureRegistries()));
        services.push(enricher);

        aggregator = Aggregator.start(AggregatorConfig.builder()
                .bootstrapServers(stack.bootstrapServers())
                .schemaRegistryUrl(stack.schemaRegistryUrl())
                .stateDir(settings.dataDir().resolve("aggregator"))
                .httpPort(settings.httpPort())
                .clusterName(settings.cluster())
                .build(), UnaryOperator.identity(), this::upstreamReady);
        services.push(aggregator);
    }

    /** The watcher has published its first lists and the enricher's streams run. */
    private boolean upstreamReady() {
        return watcher.ready() && enricher.state() == KafkaStreams.State.RUNNING;
    }

    /**
     * Called every second while running: logs once when the whole pipeline is first ready, and returns why it
     * cannot go on (a streams app stopped on its own), or null while it runs.
     */
    String check() {
        if (!reportedReady && aggregator.state() == KafkaStreams.State.RUNNING && upstreamReady()) {
            reportedReady = true;
            log.info("Pipeline ready: inventory at http://localhost:{}/api/images", httpPort());
        }
        if (stopped(enricher.state())) {
            return "enricher: Kafka Streams is " + enricher.state();
        }
        if (stopped(aggregator.state())) {
            return "aggregator: Kafka Streams is " + aggregator.state();
        }
        return null;
    }

    private static boolean stopped(KafkaStreams.State state) {
        return state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING;
    }

    int httpPort() {
        return aggregator.httpPort();
    }

    String describe(String host) {
        String base = "http://" + host + ":" + httpPort();
        return String.join(System.lineSeparator(),
                "  Page             " + base + "/",
                "  API              " + base + "/api/images  " + base + "/api/workloads  " + base + "/api/inventory",
                "  Metrics          " + base + "/metrics",
                "  Ready            " + base + "/readyz  (200 once the whole pipeline is up)",
                "  Watcher, enricher health and metrics on ports " + watcher.httpPort() + ", " + enricher.httpPort());
    }

    /** Stops aggregator, enricher, then watcher. */
    @Override
    public void close() {
        while (!services.isEmpty()) {
            try {
                services.pop().close();
            } catch (Exception e) {
                log.warn("Stopping a local service failed", e);
            }
        }
    }
}
