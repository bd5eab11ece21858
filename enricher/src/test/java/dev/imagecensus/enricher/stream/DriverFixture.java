package dev.imagecensus.enricher.stream;

import dev.imagecensus.embedded.oci.DockerRegistryProcess;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistry;
import dev.imagecensus.enricher.EnricherConfig;
import dev.imagecensus.enricher.RegistrySettings;
import dev.imagecensus.enricher.classify.ScanBounds;
import dev.imagecensus.enricher.inspect.LayerCache;
import dev.imagecensus.enricher.inspect.RegistryImageInspector;
import dev.imagecensus.enricher.registry.RegistryClient;
import dev.imagecensus.enricher.registry.RegistryCounters;
import dev.imagecensus.enricher.registry.RetryPolicy;
import dev.imagecensus.schemas.Topics;
import dev.imagecensus.schemas.avro.ImageClassification;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * The production topology and configuration in a {@link TopologyTestDriver}, with the real schema registry over
 * HTTP and the REAL {@link RegistryImageInspector} asking the real docker-registry (through a
 * {@link CountingInspector}). Registry answers arrive on executor threads in real time; the wall clock of the
 * driver is advanced in small steps until they have been drained and forwarded.
 */
final class DriverFixture implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);

    final RegistryCounters counters = new RegistryCounters();
    final RegistryClient client;
    final LayerCache cache = new LayerCache(16 << 20);
    final CountingInspector inspector;
    final InspectionService service;
    final EnricherConfig config;
    final Path stateDir;
    final TopologyTestDriver driver;
    final Topics topics;
    final TestInputTopic<String, ImageEvent> events;
    final TestOutputTopic<String, ImageClassification> output;
    final List<ImageClassification> classified = new ArrayList<>();
    private final SchemaRegistryClient schemas;
    private boolean storesClosed;

    private DriverFixture(DockerRegistryProcess registry, EmbeddedSchemaRegistry schemaRegistry, Path stateDir,
                          UnaryOperator<EnricherConfig> settings, boolean hold) {
        this.stateDir = stateDir;
        config = settings.apply(EnricherConfig.defaults("never-contacted:9092", schemaRegistry.url(), stateDir.toString())
                .withInspections(2, 8));
        client = new RegistryClient(RegistrySettings.defaults().withInsecureRegistries(Set.of(registry.host()))
                .withRetry(new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(2)))
                .clientConfig(counters));
        inspector = new CountingInspector(new RegistryImageInspector(client, null, cache, ScanBounds.defaults(),
                Clock.systemUTC()));
        if (hold) {
            inspector.hold();
        }
        service = new InspectionService(inspector, config.inspectionThreads(), config.maxInFlight(), Clock.systemUTC());
        schemas = HttpSchemaRegistryClient.fromConfig(config.serdeProperties());
        topics = Topics.builder(schemas).serdeConfig(config.serdeProperties()).build();
        driver = new TopologyTestDriver(EnricherTopology.build(topics, config, service), config.streamsProperties(),
                Instant.now());
        events = driver.createInputTopic(topics.imageEvents().name(), topics.imageEvents().keySerde().serializer(),
                topics.imageEvents().valueSerde().serializer());
        output = driver.createOutputTopic(topics.imageClassifications().name(),
                topics.imageClassifications().keySerde().deserializer(),
                topics.imageClassifications().valueSerde().deserializer());
    }

    static DriverFixture start(DockerRegistryProcess registry, EmbeddedSchemaRegistry schemas) {
        return new DriverFixture(registry, schemas, tempDir(), UnaryOperator.identity(), false);
    }

    static DriverFixture start(DockerRegistryProcess registry, EmbeddedSchemaRegistry schemas,
                               UnaryOperator<EnricherConfig> settings) {
        return new DriverFixture(registry, schemas, tempDir(), settings, false);
    }

    /** Every registry call waits for {@link CountingInspector#release()}. */
    static DriverFixture holding(DockerRegistryProcess registry, EmbeddedSchemaRegistry schemas) {
        return new DriverFixture(registry, schemas, tempDir(), UnaryOperator.identity(), true);
    }

    /**
     * A new driver on the stores {@code crashed} had committed (the driver commits after every input), as a
     * restarted instance finds them once restored from their changelogs. The driver cannot replay changelogs, so
     * the committed stores are closed (RocksDB writes its memtables and committed offsets) and copied; the crashed
     * driver itself is never closed cleanly.
     */
    static DriverFixture onStateOf(DriverFixture crashed, DockerRegistryProcess registry, EmbeddedSchemaRegistry schemas) {
        crashed.driver.getAllStateStores().values().forEach(StateStore::close); // RocksDB writes its memtables
        crashed.storesClosed = true;
        Path copy = tempDir();
        copyTree(crashed.stateDir, copy);
        return new DriverFixture(registry, schemas, copy, UnaryOperator.identity(), false);
    }

    void pipe(String key, ImageEvent event) {
        events.pipeInput(key, event);
    }

    /** Advances the wall clock in drain-interval steps until {@code condition} holds (fails after 20 s). */
    void await(String what, BooleanSupplier condition) {
        awaitWithin(what, Duration.ofDays(1), condition);
    }

    /** Like {@link #await}, but also fails when the driver's wall clock moved more than {@code budget}. */
    void awaitWithin(String what, Duration budget, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Duration moved = Duration.ZERO;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline || moved.compareTo(budget) > 0) {
                throw new AssertionError("timed out waiting for " + what + " (driver clock moved " + moved
                        + "); classified so far: " + classified.stream().map(c -> c.getImage() + "=" + c.getExistence()).toList());
            }
            step();
            moved = moved.plus(config.drainInterval());
        }
    }

    /** Waits until {@code count} classifications in total have been forwarded. */
    List<ImageClassification> awaitClassified(int count) {
        await(count + " classifications", () -> classified.size() >= count);
        return List.copyOf(classified);
    }

    /** Lets everything in flight finish and be forwarded. */
    void settle() {
        await("inspections to finish", () -> service.inFlight() == 0 && entries(EnricherTopology.PENDING_STORE).isEmpty());
        step();
    }

    /** Moves the wall clock by {@code amount} at once (punctuators fire once), then drains. */
    void advance(Duration amount) {
        driver.advanceWallClockTime(amount);
        collect();
    }

    <V> Map<String, V> entries(String store) {
        Map<String, V> out = new TreeMap<>();
        try (KeyValueIterator<String, V> all = driver.<String, V>getKeyValueStore(store).all()) {
            all.forEachRemaining(kv -> out.put(kv.key, kv.value));
        }
        return out;
    }

    private void step() {
        driver.advanceWallClockTime(config.drainInterval());
        collect();
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void collect() {
        while (!output.isEmpty()) {
            classified.add(output.readValue());
        }
    }

    /** Stops the registry side first (abandoning calls in flight), then the driver: what a crash leaves behind. */
    @Override
    public void close() {
        service.close();
        inspector.release();
        try {
            if (!storesClosed) { // a driver whose stores were taken away has nothing left to close cleanly
                driver.close();
            }
        } finally {
            schemas.close();
            client.close();
            deleteTree(stateDir);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp dir
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("enricher-driver");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
