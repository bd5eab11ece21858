package dev.imagecensus.enricher;

import dev.imagecensus.enricher.classify.ScanBounds;
import dev.imagecensus.enricher.http.EnricherMetrics;
import dev.imagecensus.http.HealthServer;
import dev.imagecensus.enricher.inspect.ImageInspector;
import dev.imagecensus.enricher.inspect.LayerCache;
import dev.imagecensus.enricher.inspect.RegistryImageInspector;
import dev.imagecensus.enricher.registry.RegistryClient;
import dev.imagecensus.enricher.stream.EnricherTopology;
import dev.imagecensus.enricher.stream.InspectionProgress;
import dev.imagecensus.enricher.stream.InspectionService;
import dev.imagecensus.schemas.Topics;
import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import dev.imagecensus.streams.StreamThreadFailures;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enricher's composition root: registry client, layer cache, inspector, inspection executor, topology,
 * {@link KafkaStreams} (exactly-once v2) and the HTTP port with {@code /healthz}, {@code /readyz} and
 * {@code /metrics}, started and closed together.
 */
public final class Enricher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Enricher.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final KafkaStreams streams;
    private final HealthServer http;
    private final EnricherMetrics metrics;
    private final LayerCache cache;
    private final Deque<AutoCloseable> resources;

    private Enricher(KafkaStreams streams, HealthServer http, EnricherMetrics metrics, LayerCache cache,
                     Deque<AutoCloseable> resources) {
        this.streams = streams;
        this.http = http;
        this.metrics = metrics;
        this.cache = cache;
        this.resources = resources;
    }

    /** Starts with the production topic names. */
    public static Enricher start(EnricherConfig config, RegistrySettings registry) {
        return start(config, registry, UnaryOperator.identity());
    }

    /** Starts; {@code topicNames} may set a prefix or suffix on every topic name. */
    public static Enricher start(EnricherConfig config, RegistrySettings registry,
                                 UnaryOperator<Topics.Builder> topicNames) {
        log.info("Starting enricher: {}, {}", config, registry);
        Deque<AutoCloseable> resources = new ArrayDeque<>(); // closed in reverse order of creation
        try {
            PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            resources.push(meters::close);
            EnricherMetrics metrics = new EnricherMetrics(meters);
            RegistryClient client = push(resources, new RegistryClient(registry.clientConfig(metrics)));
            LayerCache cache = new LayerCache(registry.layerCacheBytes());
            ImageInspector inspector = metrics.metered(new RegistryImageInspector(client, registry.platform(), cache,
                    ScanBounds.defaults(), Clock.systemUTC()));
            InspectionService service = push(resources, new InspectionService(inspector, config.inspectionThreads(),
                    config.maxInFlight(), Clock.systemUTC()));
            metrics.bind(service, cache);
            reportProgress(resources, metrics, service);
            SchemaRegistryClient schemas = push(resources, HttpSchemaRegistryClient.fromConfig(config.serdeProperties()));
            Topics topics = topicNames.apply(Topics.builder(schemas).serdeConfig(config.serdeProperties())).build();
            KafkaStreams streams = new KafkaStreams(EnricherTopology.build(topics, config, service),
                    config.streamsProperties());
            streams.setUncaughtExceptionHandler(new StreamThreadFailures());
            push(resources, new KafkaStreamsMetrics(streams)).bindTo(meters);
            new JvmMemoryMetrics().bindTo(meters);
            new JvmThreadMetrics().bindTo(meters);
            push(resources, new JvmGcMetrics()).bindTo(meters);
            HealthServer http = push(resources, HealthServer.start("enricher", config.httpPort(), meters,
                    () -> liveness(streams), () -> readiness(streams)));
            push(resources, () -> streams.close(CloseOptions.groupMembershipOperation(
                    CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(CLOSE_TIMEOUT)));
            streams.start();
            log.info("Enricher started; health and metrics on port {}", http.port());
            return new Enricher(streams, http, metrics, cache, resources);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    // Progress lines while a large first enrichment runs; quiet otherwise (see InspectionProgress).
    private static void reportProgress(Deque<AutoCloseable> resources, EnricherMetrics metrics,
                                       InspectionService service) {
        InspectionProgress progress = new InspectionProgress(PROGRESS_EVERY);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "enricher-progress");
            thread.setDaemon(true);
            return thread;
        });
        resources.push(scheduler::shutdownNow);
        scheduler.scheduleAtFixedRate(() -> progress.tick(Instant.now(), metrics.inspectionsDone(), service.pending())
                .ifPresent(log::info), 1, 1, TimeUnit.SECONDS);
    }

    private static List<String> liveness(KafkaStreams streams) {
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
                ? List.of("kafka streams is " + state) : List.of();
    }

    private static List<String> readiness(KafkaStreams streams) {
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.RUNNING ? List.of() : List.of("kafka streams is " + state);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The port serving {@code /healthz}, {@code /readyz} and {@code /metrics}. */
    public int httpPort() {
        return http.port();
    }

    public EnricherMetrics metrics() {
        return metrics;
    }

    public LayerCache layerCache() {
        return cache;
    }

    /**
     * Stops processing (committing the open transaction; registry calls in flight are abandoned, their references
     * stay pending and are resubmitted by whichever instance owns them next), leaves the consumer group, then
     * closes the inspection executor, registry client and HTTP port.
     */
    @Override
    public void close() {
        closeAll(resources);
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> resources, T resource) {
        resources.push(resource);
        return resource;
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                log.warn("Closing an enricher resource failed", e);
            }
        }
    }
}
