package dev.imagecensus.bench;

import dev.imagecensus.aggregator.Aggregator;
import dev.imagecensus.aggregator.AggregatorConfig;
import dev.imagecensus.aggregator.metrics.InventoryMetrics;
import dev.imagecensus.embedded.kafka.EmbeddedKafka;
import dev.imagecensus.embedded.kafka.FreePorts;
import dev.imagecensus.embedded.kafka.TopicAdmin;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistry;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistryConfig;
import dev.imagecensus.schemas.TopicLayout;
import dev.imagecensus.schemas.Topics;
import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Aggregator throughput and scrape cost at scale, in one fresh JVM: a simulated cluster ({@link SimulatedCluster})
 * is written to {@code image-events} and {@code image-classifications} first, then the aggregator starts and
 * catches up (events/s = live containers / time from start until every container is counted in the image, pod and
 * workload tables), then {@code /metrics} is scraped over HTTP. Run by {@code bench/aggregator.sh}.
 *
 * <p>Arguments: {@code [images] [containers] [partitions] [scrapes] [commit.interval.ms]}, default
 * 10000 150000 2 30 100 (the exactly-once default).
 */
public final class AggregatorBench {

    private AggregatorBench() {
    }

    public static void main(String[] args) throws Exception {
        int images = arg(args, 0, 10_000);
        int containers = arg(args, 1, 150_000);
        int partitions = arg(args, 2, 2);
        int scrapes = arg(args, 3, 30);
        int commitMs = arg(args, 4, 100);
        Path stateDir = Files.createTempDirectory("bench-aggregator-");
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(EmbeddedSchemaRegistryConfig.kafka(kafka.bootstrapServers()))) {
            TopicAdmin.createAndAwait(kafka.bootstrapServers(), TopicLayout.all(partitions));
            int port = FreePorts.pick();
            AggregatorConfig config = AggregatorConfig.builder().bootstrapServers(kafka.bootstrapServers())
                    .schemaRegistryUrl(registry.url()).stateDir(stateDir).httpPort(port)
                    .applicationServer("127.0.0.1:" + port)
                    .kafkaProperty("commit.interval.ms", String.valueOf(commitMs)).kafkaProperty("max.task.idle.ms", System.getProperty("idle", "0")).build();
            SimulatedCluster cluster = new SimulatedCluster(images, containers);
            try (SchemaRegistryClient client = HttpSchemaRegistryClient.fromConfig(config.registryClientProperties())) {
                long t = System.nanoTime();
                cluster.publish(kafka.bootstrapServers(), Topics.builder(client).build());
                System.out.printf("produced %d events + %d classifications in %d ms%n", containers, images, (System.nanoTime() - t) / 1_000_000);
            }

            long start = System.nanoTime();
            try (Aggregator aggregator = Aggregator.start(config)) {
                InventoryMetrics inventory = aggregator.metrics().inventory();
                long running = awaitDone(aggregator, inventory, cluster, start);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("aggregated %d containers (%d images, %d pods, %d workloads) in %.1f s from start"
                                + " (%.1f s from RUNNING): %.0f events/s%n", containers, images, cluster.pods(),
                        cluster.workloads(), seconds, (System.nanoTime() - running) / 1e9, containers / seconds);
                scrape(port, scrapes);
                inProcess(aggregator, scrapes);
                System.out.printf("heap after GC %d MiB%n", heapAfterGcMiB());
            }
        } finally {
            try (var paths = Files.walk(stateDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Waits until every container is in the image, pod and workload tables; returns when RUNNING was seen. */
    private static long awaitDone(Aggregator aggregator, InventoryMetrics inventory, SimulatedCluster cluster, long start)
            throws InterruptedException {
        long running = 0;
        while (true) {
            if (running == 0 && aggregator.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING) {
                running = System.nanoTime();
            }
            boolean images = inventory.total("imagecensus_image_containers") == cluster.containers()
                    && inventory.total("imagecensus_unclassified_images") == 0;
            boolean pods = inventory.size("workload_fips_enabled") == cluster.pods();
            boolean workloads = inventory.total("imagecensus_fips_workloads") == cluster.workloads()
                    && inventory.value("imagecensus_fips_workloads", "UNKNOWN") == null;
            if (images && pods && workloads) {
                return running == 0 ? start : running;
            }
            if (System.nanoTime() - start > 900e9) {
                throw new IllegalStateException("not done after 15 min: images " + images + ", pods " + pods);
            }
            Thread.sleep(50);
        }
    }

    private static void scrape(int port, int scrapes) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();
        for (int i = 0; i < 5; i++) {
            http.send(request, HttpResponse.BodyHandlers.ofString()); // warm-up
        }
        double[] ms = new double[scrapes];
        byte[] body = new byte[0];
        for (int i = 0; i < scrapes; i++) {
            long t = System.nanoTime();
            body = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body(); // bytes, as a scraper reads them
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        long series = new String(body, java.nio.charset.StandardCharsets.UTF_8).lines()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).count();
        System.out.printf("/metrics over HTTP, %d scrapes: %s; %d series, %.1f MiB%n", scrapes, summary(ms), series,
                body.length / 1048576.0);
    }

    /** The scrape without HTTP: what building the body costs the aggregator. */
    private static void inProcess(Aggregator aggregator, int scrapes) {
        double[] ms = new double[scrapes];
        for (int i = 0; i < scrapes; i++) {
            long t = System.nanoTime();
            aggregator.metrics().scrape();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        System.out.printf("scrape body built in-process, %d times: %s%n", scrapes, summary(ms));
    }

    private static String summary(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return String.format("median %.1f ms, p90 %.1f ms, max %.1f ms", sorted[sorted.length / 2],
                sorted[(int) (sorted.length * 0.9)], sorted[sorted.length - 1]);
    }

    private static long heapAfterGcMiB() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
