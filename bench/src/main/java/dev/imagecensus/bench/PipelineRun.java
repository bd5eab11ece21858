package dev.imagecensus.bench;

import static dev.imagecensus.bench.PipelineScaleBench.log;
import static dev.imagecensus.bench.WatcherScaleBench.endOffsets;
import static dev.imagecensus.bench.WatcherScaleBench.loadAverage;
import static dev.imagecensus.bench.WatcherScaleBench.machineCpu;
import static dev.imagecensus.bench.WatcherScaleBench.processTicks;

import dev.imagecensus.bench.PipelineScaleBench.ServiceProcess;
import dev.imagecensus.bench.PipelineScaleBench.Services;
import dev.imagecensus.fakeapi.FakeApiServer;
import dev.imagecensus.fakeapi.ResourceKind;
import dev.imagecensus.schemas.Topics;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** The measured part of {@link PipelineScaleBench}: initial sync, churn with probes and the poller, then the costs. */
final class PipelineRun {

    /**
     * The baseline's interval: 30 s, the seed exporter's, for every row of RESULTS.md; longer
     * ({@code POLLER_INTERVAL_S}) only to see what the baseline's own lists cost the pipeline on shared cores.
     */
    static final long POLL_INTERVAL_S = Long.getLong("bench.poller.interval.s", 30);

    private static final double TICKS = 100; // USER_HZ
    private static final long SYNC_TIMEOUT_NANOS = Duration.ofMinutes(15).toNanos();
    private static final long DRAIN_TIMEOUT_NANOS = Duration.ofMinutes(10).toNanos();

    private final Path out;
    private final String bootstrap;
    private final String schemasUrl;
    private final long registryPid;
    private final long busyBefore;
    private final long harnessBefore;
    private final long registryBefore;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    PipelineRun(Path out, String bootstrap, String schemasUrl, String registryHost, long registryPid) throws IOException {
        this.out = out;
        this.bootstrap = bootstrap;
        this.schemasUrl = schemasUrl;
        this.registryPid = registryPid;
        this.busyBefore = machineCpu()[0];
        this.harnessBefore = processTicks(ProcessHandle.current().pid());
        this.registryBefore = processTicks(registryPid);
    }

    void measure(ScaleCluster cluster, ScaleChurn churn, int images, int spare, int rate, int churnSeconds, FakeApiServer api,
                 CountingProxy proxy, Services services, String loadBefore) throws Exception {
        Map<String, Long> initialTruth = PipelineScaleBench.truth(cluster, cluster.containersByImage());
        long t0 = services.startNanos();
        log("services started: watcher pid %d, enricher pid %d, aggregator pid %d; logs in %s",
                services.watcher().process().pid(), services.enricher().process().pid(),
                services.aggregator().process().pid(), out);

        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < 4; p++) {
            latest.put(new TopicPartition(Topics.IMAGE_EVENTS, p), OffsetSpec.latest());
        }
        // --- initial sync ---
        long publishedMs = -1;
        long countsMs = -1;
        long classifiedMs = -1;
        long rolledUpMs = -1;
        long lastProgress = System.nanoTime();
        AggregatorScrape scrape = null;
        while (countsMs < 0 || classifiedMs < 0 || rolledUpMs < 0) {
            services.checkAlive();
            if (System.nanoTime() - t0 > SYNC_TIMEOUT_NANOS) {
                throw new IllegalStateException("no initial sync within 15 min: "
                        + (scrape == null ? "no scrape" : scrape.differences(initialTruth, 5)));
            }
            // The per-pod family only for the last milestone: the others do not need it.
            scrape = AggregatorScrape.of(http, services.aggregator().metrics(), classifiedMs >= 0);
            long now = System.nanoTime();
            if (publishedMs < 0) {
                try (Admin admin = Admin.create(adminProps)) {
                    if (endOffsets(admin, latest) >= cluster.containers()) {
                        publishedMs = (now - t0) / 1_000_000;
                        log("watcher: every container on image-events after %d ms", publishedMs);
                    }
                }
            }
            if (scrape != null) {
                if (countsMs < 0 && scrape.countsEqual(initialTruth)) {
                    countsMs = (now - t0) / 1_000_000;
                    log("counts equal the seeded cluster after %d ms", countsMs);
                }
                if (classifiedMs < 0 && countsMs >= 0 && scrape.allClassified(initialTruth.size())) {
                    classifiedMs = (now - t0) / 1_000_000;
                    log("all %d images classified after %d ms", initialTruth.size(), classifiedMs);
                }
                if (rolledUpMs < 0 && classifiedMs >= 0 && scrape.rolledUp(cluster.pods())) {
                    rolledUpMs = (now - t0) / 1_000_000;
                    log("every pod's and workload's FIPS roll-up has its classification after %d ms", rolledUpMs);
                }
            }
            if (now - lastProgress > 5_000_000_000L) {
                lastProgress = now;
                log("  %5.1f s: %s containers of %d counted, %s unclassified, %s pods rolled up, %s workloads UNKNOWN, load %s",
                        (now - t0) / 1e9, scrape == null ? "-" : scrape.totalContainers(), cluster.containers(),
                        scrape == null ? "-" : scrape.unclassified(),
                        scrape == null || classifiedMs < 0 ? "(not read yet)" : scrape.podSeries(),
                        scrape == null ? "-" : scrape.unknownWorkloads(), loadAverage());
            }
            Thread.sleep(200);
        }
        long[] syncRegistry = proxy.takeCounts();
        Cpu syncCpu = cpu(services);
        String loadAfterSync = loadAverage();

        // --- churn ---
        Churned churned;
        try (Admin admin = Admin.create(adminProps);
             ProbeClock clock = new ProbeClock(bootstrap, schemasUrl, 4);
             MetricProbes probes = new MetricProbes(services.aggregator().metrics());
             FullListPoller poller = new FullListPoller(api.url(), POLL_INTERVAL_S * 1000)) {
            long recordsBefore = endOffsets(admin, latest);
            churned = churn(churn, rate, api, clock, probes, services);
            Map<String, Long> finalTruth = PipelineScaleBench.truth(cluster, churn.expectedAfter());
            long drainMs = -1;
            while (drainMs < 0) {
                services.checkAlive();
                scrape = AggregatorScrape.of(http, services.aggregator().metrics(), false);
                if (scrape != null && scrape.countsEqual(finalTruth)) {
                    drainMs = (System.nanoTime() - churned.endNanos()) / 1_000_000;
                } else if (System.nanoTime() - churned.endNanos() > DRAIN_TIMEOUT_NANOS) {
                    log("NOT CONVERGED 10 min after churn: %s", scrape == null ? "no scrape" : scrape.differences(finalTruth, 10));
                    break;
                } else {
                    Thread.sleep(100);
                }
            }
            log("counts equal the churned cluster %d ms after the last event", drainMs);
            long waitUntil = System.nanoTime() + 30_000_000_000L;
            while ((clock.outstanding() > 0 || probes.outstanding() > 0) && System.nanoTime() < waitUntil) {
                Thread.sleep(100);
            }
            // The poller's staleness needs a list started after the last probe: at most one more interval.
            waitUntil = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < waitUntil && (poller.polls().isEmpty()
                    || poller.polls().get(poller.polls().size() - 1).startNanos() < churned.lastProbeNanos())) {
                Thread.sleep(200);
            }
            if (clock.outstanding() > 0) {
                log("probes without their audit record: %s", clock.describeOutstanding(churned.startNanos()));
                log("image-audit read_committed: %s; read_uncommitted: %s",
                        ProbeClock.countAudit(bootstrap, schemasUrl, 4, "read_committed"),
                        ProbeClock.countAudit(bootstrap, schemasUrl, 4, "read_uncommitted"));
            }
            long records = endOffsets(admin, latest) - recordsBefore;
            probes.close(); // stop scraping so the samples below are read from one consistent state
            churned = churned.with(drainMs, records, probes.latenciesMs(), probes.outstanding(), probes.scrapeMs(),
                    probes.seenEmissions(), clock.watcherLegMs(), clock.observed(), clock.unmatched(), clock.outstanding(),
                    poller.polls(), finalTruth.size());
        }
        long[] churnRegistry = proxy.takeCounts();
        Cpu totalCpu = cpu(services);
        String loadAfterChurn = loadAverage();

        // --- costs ---
        Map<String, Long> heaps = new HashMap<>();
        Map<String, Long> rss = new HashMap<>();
        for (ServiceProcess s : services.all()) {
            heaps.put(s.name(), s.heapAfterGc(out));
            rss.put(s.name(), s.peakRssKiB());
        }
        long harnessHeap = PipelineScaleBench.harnessHeapAfterGc();
        new PipelineReport(cluster, images, spare, rate, churnSeconds, initialTruth.size(), publishedMs, countsMs, classifiedMs, rolledUpMs,
                syncRegistry, syncCpu, churned, churnRegistry, totalCpu, heaps, rss, harnessHeap, loadBefore,
                loadAfterSync, loadAfterChurn, out).print();
    }

    /** Emits every churn event on its schedule; probes are noted on the clock just before they are applied. */
    private Churned churn(ScaleChurn churn, int rate, FakeApiServer api, ProbeClock clock, MetricProbes probes,
                          Services services) {
        List<ScaleChurn.Event> events = churn.events();
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long lastProbe = start;
        long maxBehind = 0;
        long lastProgress = start;
        for (int i = 0; i < events.size(); i++) {
            long due = start + i * period;
            long now = System.nanoTime();
            if (now < due) {
                LockSupport.parkNanos(due - now);
                now = System.nanoTime();
            }
            maxBehind = Math.max(maxBehind, now - due);
            ScaleChurn.Event e = events.get(i);
            if (e.probe()) {
                clock.emitted(e.name(), PipelineScaleBench.probeAction(e), now);
                if (e.type() == ScaleChurn.Type.PROBE_ADD) {
                    probes.started(e.probeImage(), now);
                } else {
                    probes.deleted(e.probeImage(), now);
                }
                lastProbe = now;
            }
            switch (e.type()) {
                case ADD, MODIFY, PROBE_ADD -> api.cluster().seed(ResourceKind.POD, List.of(e.json()));
                case DELETE, PROBE_DELETE -> api.cluster().delete(ResourceKind.POD, e.namespace(), e.name());
            }
            if (now - lastProgress > 10_000_000_000L) {
                lastProgress = now;
                services.checkAlive();
                log("  churn %5.1f s: %d events, %d probes awaiting their audit record, load %s",
                        (now - start) / 1e9, i + 1, clock.outstanding(), loadAverage());
            }
        }
        long end = System.nanoTime();
        log("churn: %d events in %.1f s (%.0f/s), at most %.0f ms behind schedule", events.size(), (end - start) / 1e9,
                events.size() / ((end - start) / 1e9), maxBehind / 1e6);
        return new Churned(events.size(), churn.probes(), start, end, lastProbe, maxBehind, -1, 0, new double[0], 0,
                new double[0], List.of(), new double[0], List.of(), 0, 0,
                List.of(), 0);
    }

    /** What the churn phase measured. */
    record Churned(int events, int probes, long startNanos, long endNanos, long lastProbeNanos, long maxBehindNanos,
                   long drainMs, long containerRecords, double[] metricMs, int metricOutstanding, double[] scrapeMs,
                   List<Long> seenEmissions, double[] watcherLegMs, List<long[]> probeTimes, int otherAuditRecords,
                   int probesOutstanding, List<FullListPoller.Poll> polls, int imagesAfter) {

        Churned with(long drain, long records, double[] metric, int metricOut, double[] scrapes, List<Long> seen,
                     double[] watcherLeg, List<long[]> times, int others, int outstanding,
                     List<FullListPoller.Poll> p, int images) {
            return new Churned(events, probes, startNanos, endNanos, lastProbeNanos, maxBehindNanos, drain, records,
                    metric, metricOut, scrapes, seen, watcherLeg, times, others, outstanding, p, images);
        }

        double emitSeconds() {
            return (endNanos - startNanos) / 1e9;
        }

        /** Probe latencies, pod event to its image-audit record, ms. */
        double[] auditMs() {
            return probeTimes.stream().mapToDouble(t -> (t[1] - t[0]) / 1e6).toArray();
        }

        /** Latencies of the same probe events (those seen in /metrics) for the 30-s poller, ms (none left out: the run waits for one more list). */
        double[] pollerMs() {
            List<Double> ms = new ArrayList<>();
            for (long emitted : seenEmissions) {
                long visible = FullListPoller.visibleAt(polls, emitted);
                if (visible > 0) {
                    ms.add((visible - emitted) / 1e6);
                }
            }
            return ms.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /** CPU seconds of each process since this run was created, and of everything else on the machine. */
    record Cpu(double watcher, double enricher, double aggregator, double harness, double registry, double others) {
    }

    private Cpu cpu(Services services) throws IOException {
        long busy = machineCpu()[0] - busyBefore;
        long w = processTicks(services.watcher().process().pid());
        long e = processTicks(services.enricher().process().pid());
        long a = processTicks(services.aggregator().process().pid());
        long h = processTicks(ProcessHandle.current().pid()) - harnessBefore;
        long r = processTicks(registryPid) - registryBefore;
        return new Cpu(w / TICKS, e / TICKS, a / TICKS, h / TICKS, r / TICKS,
                Math.max(0, busy - w - e - a - h - r) / TICKS);
    }
}
