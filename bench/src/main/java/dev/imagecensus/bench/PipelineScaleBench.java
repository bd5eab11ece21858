package dev.imagecensus.bench;

import static dev.imagecensus.bench.WatcherScaleBench.jcmd;
import static dev.imagecensus.bench.WatcherScaleBench.loadAverage;
import static dev.imagecensus.bench.WatcherScaleBench.procStatusKiB;
import static dev.imagecensus.bench.WatcherScaleBench.tail;

import dev.imagecensus.embedded.kafka.EmbeddedKafka;
import dev.imagecensus.embedded.kafka.EmbeddedKafkaConfig;
import dev.imagecensus.embedded.kafka.FreePorts;
import dev.imagecensus.embedded.kafka.TopicAdmin;
import dev.imagecensus.embedded.oci.SyntheticImage;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistry;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistryConfig;
import dev.imagecensus.fakeapi.FakeApiServer;
import dev.imagecensus.fakeapi.Kubeconfig;
import dev.imagecensus.fakeapi.ResourceKind;
import dev.imagecensus.schemas.TopicLayout;
import dev.imagecensus.schemas.avro.AuditAction;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole pipeline at scale: initial sync of a seeded cluster, then pod churn at a fixed rate, with a 30-s
 * full-list poller (the seed exporter's way) running beside it for comparison. See bench/RESULTS.md.
 *
 * <p>Process A (this JVM): embedded KRaft broker and schema registry, a {@link FakeApiServer} seeded with a
 * {@link ScaleCluster} whose images live in Debian's {@code docker-registry} (a child process, storage kept under
 * {@code bench/target} so images are pushed once), behind a {@link CountingProxy}; the churn generator
 * ({@link ScaleChurn}, all JSON built before the pipeline starts), the {@link ProbeClock} and the
 * {@link FullListPoller}. Processes B, C, D: watcher, enricher and aggregator, each alone in its JVM.
 *
 * <pre>PipelineScaleBench pods images events-per-second churn-seconds</pre>
 */
public final class PipelineScaleBench {

    static final String CLUSTER = "bench";
    private static final Pattern FULL_GC = Pattern.compile("Pause Full \\(Diagnostic Command\\) \\d+M->(\\d+)M");
    private static final int PARTITIONS = 4;
    private static final Duration SYNC_TIMEOUT = Duration.ofMinutes(15);

    private PipelineScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        int pods = arg(args, 0, 1_000);
        int images = arg(args, 1, 100);
        int rate = arg(args, 2, 1_000);
        int churnSeconds = arg(args, 3, 60);
        String loadBefore = loadAverage();
        Path out = Files.createDirectories(Path.of(System.getProperty("bench.out", "bench/target/pipeline-scale"))
                .resolve(pods + "-pods-" + System.currentTimeMillis()));
        Path registryDir = Path.of(System.getProperty("bench.registry", "bench/target/pipeline-registry"));

        // Probes start pods on spare images no pod uses; each is used once per run, never reused.
        int spare = Math.max(100, rate * churnSeconds / ScaleChurn.PROBE_EVERY / 2 + 20);
        List<SyntheticImage> synthetic = BenchImages.unique(images + spare);
        try (PersistentRegistry registry = PersistentRegistry.start(registryDir);
             CountingProxy proxy = new CountingProxy(registry.port())) {
            long pushMs = registry.ensurePushed(registryDir, synthetic, 8);
            log("registry %s: %d images %s", registryDir, synthetic.size(),
                    pushMs == 0 ? "already pushed by an earlier run (reused)" : "pushed in " + pushMs + " ms (setup)");
            String host = proxy.host();
            ScaleCluster cluster = new ScaleCluster(pods, images, spare, 42, i -> {
                SyntheticImage image = synthetic.get(i);
                String ref = image.reference(host);
                return new ScaleCluster.ImageName(ref, image.digestReference(host), ref);
            });
            long t = System.nanoTime();
            ScaleChurn churn = new ScaleChurn(cluster, images, spare, rate * churnSeconds, rate, 7);
            log("cluster: %d pods in %d workloads, %d containers over %d images; churn: %d pod events (%d probes) "
                            + "at %d/s built in %d ms", pods, cluster.workloads(), cluster.containers(), cluster.imagesUsed(),
                    churn.events().size(), churn.probes(), rate, (System.nanoTime() - t) / 1_000_000);

            try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.defaults())) {
                TopicAdmin.createAndAwait(kafka.bootstrapServers(), TopicLayout.all(PARTITIONS));
                try (EmbeddedSchemaRegistry schemas = EmbeddedSchemaRegistry.start(
                             EmbeddedSchemaRegistryConfig.kafka(kafka.bootstrapServers()));
                     FakeApiServer api = FakeApiServer.builder().start()) {
                    t = System.nanoTime();
                    api.cluster().seed(ResourceKind.REPLICA_SET, cluster.replicaSetJson());
                    api.cluster().seed(ResourceKind.JOB, cluster.jobJson());
                    api.cluster().seed(ResourceKind.POD, cluster.podJson());
                    log("seeded %d pods (%d MB of JSON) in %d ms", pods, cluster.podBytes() / 1_000_000,
                            (System.nanoTime() - t) / 1_000_000);
                    Path kubeconfig = Kubeconfig.write(api, out.resolve("kubeconfig.yaml"));
                    System.gc();
                    PipelineRun run = new PipelineRun(out, kafka.bootstrapServers(), schemas.url(), host, registry.pid());
                    try (Services services = Services.start(out, kubeconfig, kafka.bootstrapServers(), schemas.url(), host)) {
                        run.measure(cluster, churn, images, spare, rate, churnSeconds, api, proxy, services, loadBefore);
                    }
                }
            }
        }
    }

    /** The three service JVMs. */
    record Services(ServiceProcess watcher, ServiceProcess enricher, ServiceProcess aggregator, long startNanos)
            implements AutoCloseable {

        static Services start(Path out, Path kubeconfig, String bootstrap, String schemaRegistry, String registryHost)
                throws Exception {
            int watcherPort = FreePorts.pick();
            int enricherPort = FreePorts.pick();
            int aggregatorPort = FreePorts.pick();
            long t0 = System.nanoTime();
            ServiceProcess watcher = ServiceProcess.start(out, "watcher", opts("watcher", "-Xmx512m"),
                    "logback-scale-watcher.xml", watcherPort, ScaleWatcherMain.class, kubeconfig.toString(),
                    Kubeconfig.CONTEXT, bootstrap, schemaRegistry, String.valueOf(watcherPort), CLUSTER);
            ServiceProcess enricher = ServiceProcess.start(out, "enricher", opts("enricher", "-Xmx512m"),
                    "logback.xml", enricherPort, ScaleEnricherMain.class, bootstrap, schemaRegistry,
                    out.resolve("enricher-state").toString(), String.valueOf(enricherPort), registryHost, "16");
            ServiceProcess aggregator = ServiceProcess.start(out, "aggregator", opts("aggregator", "-Xmx1g"),
                    "logback.xml", aggregatorPort, ScaleAggregatorMain.class, bootstrap, schemaRegistry,
                    out.resolve("aggregator-state").toString(), String.valueOf(aggregatorPort), CLUSTER);
            return new Services(watcher, enricher, aggregator, t0);
        }

        private static List<String> opts(String service, String fallback) {
            String value = System.getProperty("bench." + service + ".opts", fallback).trim();
            return value.isEmpty() ? List.of() : Arrays.asList(value.split("\\s+"));
        }

        List<ServiceProcess> all() {
            return List.of(watcher, enricher, aggregator);
        }

        void checkAlive() {
            for (ServiceProcess s : all()) {
                if (!s.process().isAlive()) {
                    throw new IllegalStateException(s.name() + " exited with " + s.process().exitValue() + ":\n"
                            + tail(s.log(), 30));
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            for (ServiceProcess s : all()) {
                s.process().destroy();
            }
            for (ServiceProcess s : all()) {
                if (!s.process().waitFor(30, TimeUnit.SECONDS)) {
                    s.process().destroyForcibly();
                }
            }
        }
    }

    /** One service JVM: its process, HTTP port (health, metrics) and log. */
    record ServiceProcess(String name, Process process, int httpPort, Path log, List<String> options) {

        static ServiceProcess start(Path out, String name, List<String> options, String logback, int port,
                                    Class<?> main, String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(options);
            command.addAll(List.of("-Xlog:gc:file=" + out.resolve(name + "-gc.log"), "-Dlogback.configurationFile=" + logback,
                    "-cp", System.getProperty("java.class.path"), main.getName()));
            command.addAll(List.of(args));
            Files.writeString(out.resolve(name + "-command.txt"), String.join(" ", command) + "\n");
            Path log = out.resolve(name + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new ServiceProcess(name, process, port, log, options);
        }

        URI metrics() {
            return URI.create("http://127.0.0.1:" + httpPort + "/metrics");
        }

        /**
         * Heap in use right after a full GC: {@code jcmd GC.run}, then the after-size of that collection in the
         * service's GC log (a scrape of its {@code jvm_memory_used_bytes} comes later and counts what the service
         * allocated meanwhile; for a busy aggregator that was hundreds of MiB more).
         */
        long heapAfterGc(Path out) throws Exception {
            jcmd(process.pid(), "GC.run");
            Thread.sleep(200);
            long mib = -1;
            for (String line : Files.readAllLines(out.resolve(name + "-gc.log"))) {
                Matcher m = FULL_GC.matcher(line);
                if (m.find()) {
                    mib = Long.parseLong(m.group(1));
                }
            }
            return mib * 1024 * 1024;
        }

        long peakRssKiB() {
            return procStatusKiB(process.pid(), "VmHWM");
        }
    }

    static Map<String, Long> truth(ScaleCluster cluster, long[] counts) {
        Map<String, Long> truth = new HashMap<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                truth.put(cluster.imageReference(i), counts[i]);
            }
        }
        return truth;
    }

    static AuditAction probeAction(ScaleChurn.Event event) {
        return event.type() == ScaleChurn.Type.PROBE_ADD ? AuditAction.ENTERED : AuditAction.LEFT;
    }

    static String today() {
        return LocalDate.now().toString();
    }

    static long harnessHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index].replace("_", "")) : fallback;
    }

    static void log(String format, Object... args) {
        System.err.printf(format + "%n", args);
    }
}
