package dev.imagecensus.bench;

import static dev.imagecensus.bench.ProbeClock.quantile;

import dev.imagecensus.bench.PipelineRun.Churned;
import dev.imagecensus.bench.PipelineRun.Cpu;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Prints what {@link PipelineRun} measured: a summary on stderr, result lines and a RESULTS.md row on stdout. */
record PipelineReport(ScaleCluster cluster, int images, int spare, int rate, int churnSeconds, int imagesUsed, long publishedMs, long countsMs,
                      long classifiedMs, long rolledUpMs, long[] syncRegistry, Cpu syncCpu, Churned churn, long[] churnRegistry,
                      Cpu totalCpu, Map<String, Long> heaps, Map<String, Long> rss, long harnessHeap,
                      String loadBefore, String loadAfterSync, String loadAfterChurn, Path out) {

    private static final double MIB = 1024 * 1024;

    /** p50/max latency of the probes seen in /metrics, per 10 s of emission time, to show stalls. */
    private String windows() {
        java.util.TreeMap<Long, List<Double>> byWindow = new java.util.TreeMap<>();
        double[] ms = churn.metricMs();
        List<Long> emitted = churn.seenEmissions();
        for (int i = 0; i < ms.length && i < emitted.size(); i++) {
            byWindow.computeIfAbsent((emitted.get(i) - churn.startNanos()) / 10_000_000_000L, w -> new java.util.ArrayList<>()).add(ms[i]);
        }
        StringBuilder out = new StringBuilder();
        byWindow.forEach((w, list) -> {
            double[] v = list.stream().mapToDouble(Double::doubleValue).toArray();
            out.append(String.format("[%d-%d s: %d seen, p50 %.0f ms, max %.0f ms] ", w * 10, w * 10 + 10, v.length,
                    quantile(v, 0.5), Arrays.stream(v).max().orElse(Double.NaN)));
        });
        return out.toString().trim();
    }

    /** Latencies of the probes emitted {@code WARM_UP_S} or more into the churn: the steady state, after warm-up. */
    private double[] afterWarmUp() {
        double[] ms = churn.metricMs();
        List<Long> emitted = churn.seenEmissions();
        return java.util.stream.IntStream.range(0, Math.min(ms.length, emitted.size()))
                .filter(i -> emitted.get(i) - churn.startNanos() >= WARM_UP_S * 1_000_000_000L)
                .mapToDouble(i -> ms[i]).toArray();
    }

    /** Seconds of churn counted as warm-up (JIT of every JVM, the poller's first list) in the steady-state line. */
    private static final long WARM_UP_S = 60;

    void print() {
        double[] pipeline = churn.metricMs();
        double[] audit = churn.auditMs();
        double[] poller = churn.pollerMs();
        double p50 = quantile(pipeline, 0.50);
        double p99 = quantile(pipeline, 0.99);
        double pollP50 = quantile(poller, 0.50);
        double pollP99 = quantile(poller, 0.99);
        double sustained = churn.events() / (churn.emitSeconds() + Math.max(0, churn.drainMs()) / 1000.0);
        List<FullListPoller.Poll> polls = churn.polls();
        double listSeconds = polls.stream().mapToDouble(p -> (p.endNanos() - p.startNanos()) / 1e9).average().orElse(Double.NaN);
        long listBytes = polls.isEmpty() ? 0 : polls.get(polls.size() - 1).bytes();

        System.out.printf("pods %d, images %d (+%d spare for probes), containers %d%n", cluster.pods(), images,
                spare, cluster.containers());
        System.out.printf("initial sync: watcher published every container %.1f s, counts correct %.1f s,  all %d images classified %.1f s, every pod's FIPS roll-up classified %.1f s (from the services' JVM start); "
                        + "registry %d requests, %.2f MB; CPU s watcher %.1f, enricher %.1f, aggregator %.1f, harness %.1f, "
                        + "docker-registry %.1f, other processes %.1f; load %s -> %s%n", publishedMs / 1000.0, countsMs / 1000.0, imagesUsed,
                classifiedMs / 1000.0, rolledUpMs / 1000.0, syncRegistry[0], syncRegistry[1] / 1e6, syncCpu.watcher(), syncCpu.enricher(),
                syncCpu.aggregator(), syncCpu.harness(), syncCpu.registry(), syncCpu.others(), loadBefore, loadAfterSync);
        System.out.printf("churn: %d pod events in %.1f s = %.0f/s offered (target %d/s; at most %.0f ms behind schedule); "
                        + "counts correct %.1f s after the last event; sustained %.0f pod events/s end to end; "
                        + "%d records on image-events; registry %d requests, %.2f MB%n", churn.events(),
                churn.emitSeconds(), churn.events() / churn.emitSeconds(), rate, churn.maxBehindNanos() / 1e6,
                churn.drainMs() / 1000.0, sustained, churn.containerRecords(), churnRegistry[0], churnRegistry[1] / 1e6);
        System.out.printf("probe latency, pod event -> aggregator /metrics: %d of %d probe events seen (%d not): p50 %.0f ms, "
                        + "p99 %.0f ms, max %.0f ms; /metrics scraped %d times, median %.0f ms each (a pause of twice that between scrapes)%n",
                pipeline.length, churn.probes(), churn.metricOutstanding(), p50, p99,
                Arrays.stream(pipeline).max().orElse(Double.NaN), churn.scrapeMs().length, quantile(churn.scrapeMs(), 0.5));
        System.out.printf("probe latency, pod event -> image-audit record (read_committed): %d of %d probe events "
                        + "(%d audit records of other pods; %d probe events without one): p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                audit.length, churn.probes(), churn.otherAuditRecords(), churn.probesOutstanding(), quantile(audit, 0.5),
                quantile(audit, 0.99), Arrays.stream(audit).max().orElse(Double.NaN));
        System.out.printf("pod event -> /metrics by 10-s window of the churn: %s%n", windows());
        double[] warm = afterWarmUp();
        if (warm.length > 0) {
            System.out.printf("pod event -> /metrics after the first %d s of churn (steady state): %d probe events seen, "
                            + "p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", WARM_UP_S, warm.length, quantile(warm, 0.5),
                    quantile(warm, 0.99), Arrays.stream(warm).max().orElse(Double.NaN));
        }
        double[] leg = churn.watcherLegMs();
        System.out.printf("of which the watcher's leg, pod event -> its record on image-events: %d probes, p50 %.0f ms, "
                + "p99 %.0f ms, max %.0f ms%n", leg.length, quantile(leg, 0.5), quantile(leg, 0.99),
                Arrays.stream(leg).max().orElse(Double.NaN));
        System.out.printf("%d-s full-list poller: %d polls, %.1f s a list, %.1f MB a list; same probes visible after "
                        + "p50 %.1f s, p99 %.1f s (%d covered); staleness ratio poller/pipeline p50 %.0fx, p99 %.0fx%n",
                PipelineRun.POLL_INTERVAL_S, polls.size(), listSeconds, listBytes / 1e6, pollP50 / 1000, pollP99 / 1000, poller.length,
                pollP50 / p50, pollP99 / p99);
        System.out.printf("heap after GC: watcher %.0f MiB, enricher %.0f MiB, aggregator %.0f MiB, harness (broker, "
                        + "schema registry, API server with %d pods, generator) %.0f MiB; peak RSS watcher %d MiB, "
                        + "enricher %d MiB, aggregator %d MiB%n", heaps.get("watcher") / MIB, heaps.get("enricher") / MIB,
                heaps.get("aggregator") / MIB, cluster.pods(), harnessHeap / MIB, rss.get("watcher") / 1024,
                rss.get("enricher") / 1024, rss.get("aggregator") / 1024);
        double k = churn.events() / 1000.0;
        System.out.printf("CPU s per 1,000 churn pod events (churn phase incl. drain): watcher %.2f, enricher %.2f, "
                        + "aggregator %.2f, harness %.2f, docker-registry %.2f%n", (totalCpu.watcher() - syncCpu.watcher()) / k,
                (totalCpu.enricher() - syncCpu.enricher()) / k, (totalCpu.aggregator() - syncCpu.aggregator()) / k,
                (totalCpu.harness() - syncCpu.harness()) / k, (totalCpu.registry() - syncCpu.registry()) / k);
        System.out.printf("CPU s over the whole run: watcher %.1f, enricher %.1f, aggregator %.1f, harness %.1f, "
                        + "docker-registry %.1f, other processes %.1f; load after churn %s%n", totalCpu.watcher(),
                totalCpu.enricher(), totalCpu.aggregator(), totalCpu.harness(), totalCpu.registry(), totalCpu.others(),
                loadAfterChurn);
        // pods/images | counts correct | classified | sync registry | events/s offered -> sustained | p50/p99 | poller p50/p99 | ratio | heaps | load | date
        System.out.printf("| %,d / %,d | %.1f s | %.1f s | %.1f s | %,d req, %.1f MB | %.0f → %.0f | %.0f / %.0f ms | %.1f / %.1f s | %.0f× / %.0f× "
                        + "| %.0f / %.0f / %.0f MiB | %s → %s → %s | %s |%n", cluster.pods(), images, countsMs / 1000.0,
                classifiedMs / 1000.0, rolledUpMs / 1000.0, syncRegistry[0], syncRegistry[1] / 1e6, churn.events() / churn.emitSeconds(),
                sustained, p50, p99, pollP50 / 1000, pollP99 / 1000, pollP50 / p50, pollP99 / p99,
                heaps.get("watcher") / MIB, heaps.get("enricher") / MIB, heaps.get("aggregator") / MIB,
                loadBefore.split(" ")[0], loadAfterSync.split(" ")[0], loadAfterChurn.split(" ")[0],
                PipelineScaleBench.today());
        System.err.printf("logs: %s%n", out);
    }
}
