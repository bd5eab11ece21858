package dev.imagecensus.bench;

import dev.imagecensus.embedded.kafka.EmbeddedKafka;
import dev.imagecensus.embedded.kafka.EmbeddedKafkaConfig;
import dev.imagecensus.embedded.kafka.FreePorts;
import dev.imagecensus.embedded.kafka.TopicAdmin;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistry;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistryConfig;
import dev.imagecensus.fakeapi.FakeApiServer;
import dev.imagecensus.fakeapi.Kubeconfig;
import dev.imagecensus.fakeapi.ResourceKind;
import dev.imagecensus.schemas.TopicLayout;
import dev.imagecensus.schemas.Topics;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.avro.ImageEventType;
import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClientConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The watcher's initial sync at scale, with the watcher alone in a second JVM.
 *
 * <p>Process A (this JVM): an embedded KRaft broker with the product topics, the embedded schema registry and a
 * {@link FakeApiServer} seeded from pre-serialised JSON with a realistic cluster ({@link ScaleCluster}). Process B:
 * {@link ScaleWatcherMain} with {@code -Xmx512m} (plus any extra JVM options given), started with this JVM's
 * classpath. Measured from B's start: when its {@code /readyz} turns 200 (initial lists of ReplicaSets, Jobs and
 * pods handed to the producer), when the end offsets of {@code image-events} reach one record per container
 * (everything acknowledged by the broker with {@code acks=all}); then B's heap after a full GC ({@code jcmd GC.run},
 * then {@code jvm_memory_used_bytes{area="heap"}} from its {@code /metrics}), its peak RSS ({@code VmHWM}), its GC
 * log, and whether it logged an {@code OutOfMemoryError}. Finally the topic is read back with the product's serde:
 * exactly one ADDED per container key (no duplicates, no tombstones), each with its digest, owners resolved to the
 * seeded top-level workloads (Deployment through its ReplicaSet, CronJob through its Job, ...).
 *
 * <p>CPU accounting from {@code /proc}: the CPU time of A and B and of everything else on the machine during the
 * run, so a figure taken while other builds were running can be recognised.
 *
 * <pre>WatcherScaleBench pods images [extra JVM option for B ...]</pre>
 * Run by {@code bench/watcher-scale.sh}; prints progress to stderr and one result line plus a README table row.
 */
public final class WatcherScaleBench {

    private static final String CLUSTER = "bench";
    private static final int PARTITIONS = 4;
    private static final Duration TIMEOUT = Duration.ofMinutes(15);
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\) ([\\d.]+)ms");
    private static final Pattern LISTED = Pattern.compile("pods: initial list of (\\d+) objects done in (\\d+) ms");

    private WatcherScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        int pods = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 150_000;
        int images = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 5_000;
        List<String> extraJvmOptions = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        String loadBefore = loadAverage();
        Path out = Files.createDirectories(Path.of(System.getProperty("bench.out", "bench/target/watcher-scale"))
                .resolve(pods + "-pods-" + System.currentTimeMillis()));

        ScaleCluster cluster = new ScaleCluster(pods, images, 42);
        log("cluster: %d pods in %d workloads over %d namespaces, %d ReplicaSets, %d Jobs, %d containers, %d of %d images used",
                pods, cluster.workloads(), cluster.namespaces(), cluster.replicaSets(), cluster.jobs(),
                cluster.containers(), cluster.imagesUsed(), images);

        try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.defaults())) {
            TopicAdmin.createAndAwait(kafka.bootstrapServers(), TopicLayout.all(PARTITIONS));
            try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(
                         EmbeddedSchemaRegistryConfig.kafka(kafka.bootstrapServers()));
                 FakeApiServer api = FakeApiServer.builder().start()) {
                long seedStart = System.nanoTime();
                int rs = api.cluster().seed(ResourceKind.REPLICA_SET, cluster.replicaSetJson());
                int jobs = api.cluster().seed(ResourceKind.JOB, cluster.jobJson());
                int seeded = api.cluster().seed(ResourceKind.POD, cluster.podJson());
                log("seeded %d ReplicaSets, %d Jobs, %d pods (%d MB of pod JSON, %d bytes a pod) in %d ms", rs, jobs,
                        seeded, cluster.podBytes() / 1_000_000, cluster.podBytes() / seeded, millisSince(seedStart));
                Path kubeconfig = Kubeconfig.write(api, out.resolve("kubeconfig.yaml"));
                System.gc(); // leave A quiet before B starts
                Result result = run(cluster, out, kubeconfig, kafka.bootstrapServers(), registry.url(), extraJvmOptions);
                report(cluster, images, result, loadBefore, extraJvmOptions, out);
            }
        }
    }

    /** What one run measured. */
    private record Result(long readyMs, long publishedMs, long listedMs, long heapAfterGcBytes, long peakRssKiB,
                          ReadBack topic, boolean outOfMemory, GcSummary gc,
                          double watcherCpuSeconds, double harnessCpuSeconds, double otherCpuSeconds,
                          double wallSeconds, String loadAfter, String heapInfo) {
    }

    private record GcSummary(int pauses, double pauseMs, long maxBeforeMiB, long maxAfterMiB) {
    }

    private static Result run(ScaleCluster cluster, Path out, Path kubeconfig, String bootstrap, String registryUrl,
                              List<String> extraJvmOptions) throws Exception {
        int httpPort = FreePorts.pick();
        Path gcLog = out.resolve("watcher-gc.log");
        Path watcherLog = out.resolve("watcher.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Xlog:gc:file=" + gcLog, "-Dlogback.configurationFile=logback-scale-watcher.xml"));
        command.addAll(extraJvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ScaleWatcherMain.class.getName(),
                kubeconfig.toString(), Kubeconfig.CONTEXT, bootstrap, registryUrl, String.valueOf(httpPort), CLUSTER));
        Files.writeString(out.resolve("watcher-command.txt"), String.join(" ", command) + "\n");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(out.resolve("events.log").toFile())
                .redirectError(watcherLog.toFile());

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI readyz = URI.create("http://127.0.0.1:" + httpPort + "/readyz");
        long expected = cluster.containers();
        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(adminProps)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < PARTITIONS; p++) {
                latest.put(new TopicPartition(Topics.IMAGE_EVENTS, p), OffsetSpec.latest());
            }
            long[] cpuBefore = machineCpu();
            long harnessBefore = processTicks(ProcessHandle.current().pid());
            long t0 = System.nanoTime();
            Process watcher = builder.start();
            long pid = watcher.pid();
            log("watcher started: pid %d, -Xmx512m %s, logs in %s", pid, String.join(" ", extraJvmOptions), out);
            try {
                long readyMs = -1;
                long publishedMs = -1;
                long lastProgress = t0;
                long deadline = t0 + TIMEOUT.toNanos();
                while (publishedMs < 0 || readyMs < 0) {
                    if (!watcher.isAlive()) {
                        throw new IllegalStateException("watcher exited with " + watcher.exitValue() + ": "
                                + tail(watcherLog, 30));
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("no full sync within " + TIMEOUT + ": " + tail(watcherLog, 30));
                    }
                    if (readyMs < 0 && ready(http, readyz)) {
                        readyMs = millisSince(t0);
                        log("ready after %d ms", readyMs);
                    }
                    long offsets = endOffsets(admin, latest);
                    if (publishedMs < 0 && offsets >= expected) {
                        publishedMs = millisSince(t0);
                        log("%d records on %s after %d ms", offsets, Topics.IMAGE_EVENTS, publishedMs);
                    }
                    if (System.nanoTime() - lastProgress > 5_000_000_000L) {
                        lastProgress = System.nanoTime();
                        log("  %5.1f s: %d of %d records, RSS %d MiB", (lastProgress - t0) / 1e9, offsets, expected,
                                procStatusKiB(pid, "VmRSS") / 1024);
                    }
                    Thread.sleep(50);
                }
                double wall = (System.nanoTime() - t0) / 1e9;
                long watcherTicks = processTicks(pid);
                long harnessTicks = processTicks(ProcessHandle.current().pid()) - harnessBefore;
                long[] cpuAfter = machineCpu();
                long busy = cpuAfter[0] - cpuBefore[0];
                String loadAfter = loadAverage();

                jcmd(pid, "GC.run");
                long heap = scrapeHeap(http, URI.create("http://127.0.0.1:" + httpPort + "/metrics"));
                String heapInfo = jcmd(pid, "GC.heap_info");
                long peakRss = procStatusKiB(pid, "VmHWM");
                ReadBack topic = readBack(bootstrap, registryUrl, expected);
                String logText = Files.readString(watcherLog);
                Matcher listed = LISTED.matcher(logText);
                long listedMs = listed.find() ? Long.parseLong(listed.group(2)) : -1;
                return new Result(readyMs, publishedMs, listedMs, heap, peakRss, topic,
                        logText.contains("OutOfMemoryError"), gcSummary(gcLog),
                        watcherTicks / (double) TICKS_PER_SECOND, harnessTicks / (double) TICKS_PER_SECOND,
                        Math.max(0, busy - watcherTicks - harnessTicks) / (double) TICKS_PER_SECOND, wall, loadAfter, heapInfo);
            } finally {
                watcher.destroy();
                if (!watcher.waitFor(30, TimeUnit.SECONDS)) {
                    watcher.destroyForcibly();
                }
            }
        }
    }

    private static void report(ScaleCluster cluster, int images, Result r, String loadBefore, List<String> options,
                               Path out) {
        boolean exact = r.topic().exact(cluster);
        log("read back: %s; expected owners %s", r.topic(), cluster.containersByOwnerKind());
        log("watcher heap (jcmd GC.heap_info after GC.run):%n%s", r.heapInfo().strip());
        log("GC during the run: %d pauses, %.0f ms in total, heap before GC up to %d MiB, after GC up to %d MiB",
                r.gc().pauses(), r.gc().pauseMs(), r.gc().maxBeforeMiB(), r.gc().maxAfterMiB());
        log("CPU during the run (%.1f s wall): watcher %.1f s, harness (broker, registry, API server, polling) %.1f s, "
                + "other processes %.1f s", r.wallSeconds(), r.watcherCpuSeconds(), r.harnessCpuSeconds(),
                r.otherCpuSeconds());
        System.out.printf("pods %d, images %d (%d used), containers %d: ready (initial lists published) %.1f s, "
                        + "pod list %.1f s, all events on image-events %.1f s; heap after GC %d MiB, peak RSS %d MiB, "
                        + "OOM %s; read back %d records / %d keys / %d tombstones (%s: one ADDED per container, digests and owners as seeded); load %s -> %s; "
                        + "CPU watcher %.1f s, harness %.1f s, others %.1f s%s%n",
                cluster.pods(), images, cluster.imagesUsed(), cluster.containers(), r.readyMs() / 1000.0,
                r.listedMs() / 1000.0, r.publishedMs() / 1000.0, r.heapAfterGcBytes() / (1024 * 1024),
                r.peakRssKiB() / 1024, r.outOfMemory() ? "YES" : "no", r.topic().records(), r.topic().distinctKeys(),
                r.topic().tombstones(),
                exact ? "exact" : "NOT EXACT", loadBefore, r.loadAfter(), r.watcherCpuSeconds(), r.harnessCpuSeconds(),
                r.otherCpuSeconds(), options.isEmpty() ? "" : "; options " + String.join(" ", options));
        System.out.printf("| %,d | %,d | %,d | %.1f s | %.1f s | %d MiB | %d MiB | %s → %s | %s |%n",
                cluster.pods(), images, cluster.containers(), r.readyMs() / 1000.0, r.publishedMs() / 1000.0,
                r.heapAfterGcBytes() / (1024 * 1024), r.peakRssKiB() / 1024, loadBefore.split(" ")[0],
                r.loadAfter().split(" ")[0], LocalDate.now());
        log("logs: %s", out);
        if (!exact || r.outOfMemory()) {
            System.exit(1);
        }
    }

    // --- measurements ---

    static boolean ready(HttpClient http, URI readyz) {
        try {
            return http.send(HttpRequest.newBuilder(readyz).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static long endOffsets(Admin admin, Map<TopicPartition, OffsetSpec> latest) throws Exception {
        long sum = 0;
        for (ListOffsetsResult.ListOffsetsResultInfo info : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values()) {
            sum += info.offset();
        }
        return sum;
    }

    /** Sum of {@code jvm_memory_used_bytes{area="heap",...}} over the heap pools. */
    static long scrapeHeap(HttpClient http, URI metrics) throws IOException, InterruptedException {
        String text = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
        long sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** What {@code image-events} holds, read from the beginning with the product's serde. */
    private record ReadBack(long records, long distinctKeys, long tombstones, long added, long withDigest,
                            Map<String, Long> byOwnerKind) {

        boolean exact(ScaleCluster cluster) {
            long expected = cluster.containers();
            return records == expected && distinctKeys == expected && tombstones == 0 && added == expected
                    && withDigest == expected && byOwnerKind.equals(cluster.containersByOwnerKind());
        }
    }

    private static ReadBack readBack(String bootstrap, String registryUrl, long expected) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        try (SchemaRegistryClient registry = HttpSchemaRegistryClient.fromConfig(
                     Map.of(SchemaRegistryClientConfig.URL, registryUrl));
             KafkaConsumer<String, ImageEvent> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                     Topics.create(registry, Map.of()).imageEvents().valueSerde().deserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.add(new TopicPartition(Topics.IMAGE_EVENTS, p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Set<String> keys = new HashSet<>((int) (expected * 1.4));
            Map<String, Long> owners = new TreeMap<>();
            long records = 0;
            long tombstones = 0;
            long added = 0;
            long withDigest = 0;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, ImageEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    keys.add(record.key());
                    ImageEvent event = record.value();
                    if (event == null) {
                        tombstones++;
                        continue;
                    }
                    added += event.getType() == ImageEventType.ADDED ? 1 : 0;
                    withDigest += event.getDigest() != null ? 1 : 0;
                    owners.merge(event.getOwnerKind(), 1L, Long::sum);
                }
            }
            return new ReadBack(records, keys.size(), tombstones, added, withDigest, owners);
        }
    }

    private static GcSummary gcSummary(Path gcLog) throws IOException {
        int pauses = 0;
        double pauseMs = 0;
        long maxBefore = 0;
        long maxAfter = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find() && line.contains("Pause")) {
                pauses++;
                pauseMs += Double.parseDouble(m.group(4));
                maxBefore = Math.max(maxBefore, Long.parseLong(m.group(1)));
                maxAfter = Math.max(maxAfter, Long.parseLong(m.group(2)));
            }
        }
        return new GcSummary(pauses, pauseMs, maxBefore, maxAfter);
    }

    static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(60, TimeUnit.SECONDS);
        return output;
    }

    /** A field of {@code /proc/<pid>/status} in KiB (VmRSS, VmHWM); -1 when unreadable. */
    static long procStatusKiB(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** utime + stime of a process, in clock ticks. */
    static long processTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15 of proc(5)
    }

    /** Busy ticks of all CPUs (user, nice, system, irq, softirq, steal). */
    static long[] machineCpu() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                + Long.parseLong(f[7]) + Long.parseLong(f[8]);
        return new long[] {busy};
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() + "";
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void log(String format, Object... args) {
        System.err.printf(format + "%n", args);
    }
}
