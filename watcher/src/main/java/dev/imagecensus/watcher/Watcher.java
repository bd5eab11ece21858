package dev.imagecensus.watcher;

import dev.imagecensus.schemas.Topics;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClientConfig;
import dev.imagecensus.http.HealthServer;
import dev.imagecensus.watcher.http.WatcherMetrics;
import dev.imagecensus.watcher.inventory.InventoryController;
import dev.imagecensus.watcher.inventory.NamespaceFilter;
import dev.imagecensus.watcher.inventory.PodEvaluator;
import dev.imagecensus.watcher.inventory.PublishedState;
import dev.imagecensus.watcher.kafka.EventPublisher;
import dev.imagecensus.watcher.kafka.KafkaSettings;
import dev.imagecensus.watcher.kafka.PublishedStateLoader;
import dev.imagecensus.watcher.kube.KubeClients;
import dev.imagecensus.watcher.model.ResourceType;
import io.kubernetes.client.openapi.ApiClient;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watcher's composition root, wired by hand: reads {@code image-events} back to rebuild what this cluster last
 * published, lists ReplicaSets and Jobs, then pods, publishes only the difference, and follows the watches.
 *
 * <pre>{@code
 * try (Watcher watcher = Watcher.start(config)) {   // returns once the HTTP port is up and the state is read back
 *     watcher.awaitTermination();                   // until close() or a fatal failure
 * }
 * }</pre>
 *
 * Each event is also written as a kimager line ({@link dev.imagecensus.watcher.inventory.EventLine}) to standard
 * output, or to the given consumer.
 */
public final class Watcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Watcher.class);
    private static final Duration READ_BACK_TIMEOUT = Duration.ofMinutes(5);

    private final WatcherConfig config;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final CountDownLatch terminated = new CountDownLatch(1);
    // Set while wiring, read by the HTTP probes' threads.
    private volatile EventLoop loop;
    private volatile Thread loopThread;
    private volatile EventPublisher publisher;
    private volatile InformerReporter reporter;
    private volatile HealthServer http;

    private Watcher(WatcherConfig config) {
        this.config = config;
    }

    /** Starts a watcher writing kimager lines to standard output. */
    public static Watcher start(WatcherConfig config) throws IOException {
        return start(config, System.out::println);
    }

    /**
     * Starts a watcher.
     *
     * @param eventLines receives one kimager-format line per published event, on the event loop thread
     * @throws IOException           when the kubeconfig or service account cannot be read, or the port is taken
     * @throws IllegalStateException when {@code image-events} does not exist or cannot be read back
     */
    public static Watcher start(WatcherConfig config, Consumer<String> eventLines) throws IOException {
        Watcher watcher = new Watcher(config);
        try {
            watcher.wire(eventLines);
            return watcher;
        } catch (IOException | RuntimeException e) {
            watcher.close();
            throw e;
        }
    }

    private void wire(Consumer<String> eventLines) throws IOException {
        LOG.info("starting watcher: {}", config);
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        resources.push(meters::close);
        new JvmMemoryMetrics().bindTo(meters);
        WatcherMetrics metrics = new WatcherMetrics(meters);
        reporter = new InformerReporter(metrics);
        http = HealthServer.start("watcher", config.httpPort(), meters, this::livenessProblems, this::readinessProblems);
        resources.push(http);

        ApiClient kube = KubeClients.create(config.kubeAccess());
        resources.push(() -> kube.getHttpClient().dispatcher().executorService().shutdownNow());
        Map<String, Object> registryConfig = new HashMap<>(config.registryProperties());
        registryConfig.put(SchemaRegistryClientConfig.URL, config.schemaRegistryUrl());
        SchemaRegistryClient registry = HttpSchemaRegistryClient.fromConfig(registryConfig);
        resources.push(registry);
        // The registry properties also carry the serde's own settings (auto.register.schemas, use.latest.version).
        Topics.Topic<String, ImageEvent> base = Topics.create(registry, config.registryProperties()).imageEvents();
        Topics.Topic<String, ImageEvent> topic = new Topics.Topic<>(config.topic(), base.keySerde(), base.valueSerde());

        String clientId = "image-census-watcher-" + config.cluster().replaceAll("[^A-Za-z0-9._-]", "_");
        PublishedState state = PublishedStateLoader.load(
                KafkaSettings.consumer(config.bootstrapServers(), config.kafkaProperties(), clientId + "-readback"),
                topic, config.cluster(), READ_BACK_TIMEOUT);

        KafkaProducer<String, ImageEvent> producer = new KafkaProducer<>(
                KafkaSettings.producer(config.bootstrapServers(), config.kafkaProperties(), clientId),
                topic.keySerde().serializer(), topic.valueSerde().serializer());
        KafkaClientMetrics producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(meters);
        publisher = new EventPublisher(producer, topic.name(), config.cluster(), metrics);
        resources.push(publisher);
        resources.push(producerMetrics);

        PodEvaluator evaluator = new PodEvaluator(
                NamespaceFilter.of(config.namespaceInclude(), config.namespaceExclude()), config.runningOnly());
        InventoryController controller = new InventoryController(evaluator, state);
        BlockingQueue<SignalSink.Envelope> queue = new ArrayBlockingQueue<>(config.queueCapacity());
        loop = new EventLoop(queue, controller, publisher, eventLines, metrics, Clock.systemUTC());
        loopThread = new Thread(this::runLoop, "watcher-event-loop");
        loopThread.start();
        resources.push(this::stopLoop);
        metrics.gauges(queue::size, () -> controller.state().containerCount(), () -> controller.state().podCount(),
                controller::knownWorkloads, () -> synced() ? 1 : 0);

        Informers informers = new Informers(kube, queue, reporter, config.listPageSize());
        resources.push(informers);
        informers.start();
    }

    /** The port of {@code /healthz}, {@code /readyz} and {@code /metrics}. */
    public int httpPort() {
        return http.port();
    }

    /** True once the first lists of pods, ReplicaSets and Jobs are published and nothing is wrong. */
    public boolean ready() {
        return readinessProblems().isEmpty();
    }

    /** Waits until {@link #ready()}; false when {@code timeout} passed first. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready()) {
            if (System.nanoTime() > deadline || terminated.getCount() == 0) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** Blocks until {@link #close()} or until the event loop stops on a fatal failure. */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    /** Why the watcher should be restarted; empty when alive. */
    public List<String> livenessProblems() {
        List<String> problems = new ArrayList<>(reporter == null ? List.of() : reporter.failures().values());
        if (publisher != null) {
            publisher.fatal().ifPresent(e -> problems.add("producer failed: " + e));
        }
        if (loop != null && loop.failure() != null) {
            problems.add("event loop failed: " + loop.failure());
        }
        return problems;
    }

    /** Why the watcher is not ready; empty when ready. */
    public List<String> readinessProblems() {
        List<String> problems = new ArrayList<>(livenessProblems());
        if (publisher != null) {
            publisher.problem().filter(p -> publisher.fatal().isEmpty()).ifPresent(problems::add);
        }
        for (ResourceType type : ResourceType.values()) {
            if (loop == null || !loop.synced(type)) {
                problems.add(type.plural() + ": initial list not yet published");
            }
        }
        return problems;
    }

    private boolean synced() {
        for (ResourceType type : ResourceType.values()) {
            if (loop == null || !loop.synced(type)) {
                return false;
            }
        }
        return true;
    }

    private void runLoop() {
        try {
            loop.run();
        } finally {
            terminated.countDown();
        }
    }

    private void stopLoop() throws InterruptedException {
        loop.stop();
        loopThread.interrupt();
        loopThread.join(TimeUnit.SECONDS.toMillis(10));
    }

    /** Stops informers, the event loop and the producer (flushing what it holds), then the HTTP endpoint. */
    @Override
    public void close() {
        long started = System.nanoTime();
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                LOG.warn("closing watcher: {}", e.toString());
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        terminated.countDown();
        LOG.info("watcher stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}
