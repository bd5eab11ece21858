package dev.imagecensus.embedded.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Apache Kafka in KRaft mode (combined broker + controller) running in this JVM.
 *
 * <p>Used by every {@code *IT} (through the JUnit extension) and by {@code image-census local}. The log
 * directory is formatted on first start and reused afterwards, so a restart on the same data directory keeps
 * topics, offsets and the cluster id. Internal topics run with replication factor 1 so transactions (and hence
 * exactly-once Streams apps) work on one node.
 */
public final class EmbeddedKafka implements KafkaFixture {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedKafkaConfig config;
    private final Path dataDir;
    private final boolean temporaryDataDir;
    private final int brokerPort;
    private final KafkaRaftServer server;

    private EmbeddedKafka(EmbeddedKafkaConfig config, Path dataDir, boolean temporaryDataDir, int brokerPort,
                          KafkaRaftServer server) {
        this.config = config;
        this.dataDir = dataDir;
        this.temporaryDataDir = temporaryDataDir;
        this.brokerPort = brokerPort;
        this.server = server;
    }

    /** Formats the data directory if needed, starts the node and waits until it answers admin requests. */
    public static EmbeddedKafka start(EmbeddedKafkaConfig config) {
        FatalFaults.install();
        long started = System.nanoTime();
        boolean temporary = config.dataDir() == null;
        Path dataDir = temporary ? createTempDir() : config.dataDir();
        Path logDir = dataDir.resolve("kafka-logs");
        // KafkaRaftServer does not report bound ports, and the controller port must be in the voters: pick now.
        int brokerPort = config.brokerPort() != 0 ? config.brokerPort() : FreePorts.pick();
        int controllerPort = config.controllerPort() != 0 ? config.controllerPort() : FreePorts.pick();

        Map<String, Object> props = brokerProperties(config.host(), logDir, brokerPort, controllerPort);
        props.putAll(config.overrides());
        KafkaConfig kafkaConfig = new KafkaConfig(props, false);
        formatIfNeeded(logDir);

        KafkaRaftServer server = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
        EmbeddedKafka kafka = new EmbeddedKafka(config, dataDir, temporary, brokerPort, server);
        try {
            server.startup();
            kafka.awaitReady();
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        log.info("Embedded Kafka (KRaft) ready at {} in {} ms, data in {}", kafka.bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dataDir);
        return kafka;
    }

    /** Starts a node on free ports with a temporary data directory deleted on close. */
    public static EmbeddedKafka start() {
        return start(EmbeddedKafkaConfig.defaults());
    }

    @Override
    public String bootstrapServers() {
        return config.host() + ":" + brokerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Client settings every producer, consumer, admin or Streams app needs to reach this node. */
    public Map<String, Object> clientProperties() {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    }

    @Override
    public void close() {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("Embedded Kafka did not shut down cleanly", e);
        }
        if (temporaryDataDir) {
            TempDirs.deleteRecursively(dataDir);
        }
    }

    static Map<String, Object> brokerProperties(String host, Path logDir, int brokerPort, int controllerPort) {
        Map<String, Object> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + host + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // One node: every internal topic must fit on it, or exactly-once Streams apps never reach RUNNING.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // Fewer partitions and no initial rebalance delay: an EOS app is RUNNING in ~1.7 s instead of ~5.7 s.
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Small footprint on 2 cores: the default cleaner buffer alone is 128 MiB of heap.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        return p;
    }

    private static void formatIfNeeded(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return; // already formatted: keep the cluster id and data
        }
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .addDirectory(logDir.toString())
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the Kafka log directory " + logDir, e);
        }
    }

    private void awaitReady() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Embedded Kafka did not become ready within " + READY_TIMEOUT, e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for embedded Kafka", e);
                }
            }
        }
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("image-census-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
