package dev.imagecensus.bench;

import dev.imagecensus.embedded.kafka.EmbeddedKafka;
import dev.imagecensus.embedded.kafka.EmbeddedKafkaConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures, in a fresh JVM, how long the embedded KRaft broker takes to answer admin requests (from JVM start
 * and from {@code start()}), a restart on the same data directory, and the heap in use after a full GC with
 * the broker idle. Run by {@code bench/embedded-startup.sh}; one line of figures per run.
 */
public final class EmbeddedKafkaStartup {

    private EmbeddedKafkaStartup() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("bench-kafka-");
        EmbeddedKafkaConfig config = EmbeddedKafkaConfig.defaults().withDataDir(dataDir);

        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long t0 = System.nanoTime();
        EmbeddedKafka kafka = EmbeddedKafka.start(config);
        long firstStartMs = (System.nanoTime() - t0) / 1_000_000;
        long fromJvmStartMs = System.currentTimeMillis() - jvmStart;
        long heapMiB = heapAfterGcMiB();
        kafka.close();

        long t1 = System.nanoTime();
        try (EmbeddedKafka restarted = EmbeddedKafka.start(config)) {
            long restartMs = (System.nanoTime() - t1) / 1_000_000;
            System.out.printf("first start %d ms (%d ms from JVM start), warm restart (same JVM) on existing data %d ms, idle heap after GC %d MiB%n",
                    firstStartMs, fromJvmStartMs, restartMs, heapMiB);
        } finally {
            try (var paths = Files.walk(dataDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long heapAfterGcMiB() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed() / (1024 * 1024);
    }
}
