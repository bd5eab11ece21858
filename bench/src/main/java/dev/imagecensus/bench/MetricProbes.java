package dev.imagecensus.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Times probe pod events from the moment the generator emits them to the moment the aggregator's {@code /metrics}
 * shows them: a probe pod started on a spare image nobody used before is seen when
 * {@code imagecensus_image_containers} for that image reaches 1; its deletion when the series is gone again. Spare
 * images are never reused within a run, so each image has one start and one deletion. {@code /metrics} is scraped
 * again after twice the previous scrape's duration (at least 20 ms): the interval is the resolution, reported.
 */
final class MetricProbes implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI metrics;
    private final Map<String, long[]> probes = new HashMap<>(); // image -> {start emitted, delete emitted, start seen, delete seen}
    private final List<Double> scrapeMs = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    MetricProbes(URI metrics) {
        this.metrics = metrics;
        this.thread = new Thread(this::loop, "metric-probes");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void started(String image, long nanos) {
        probes.put(image, new long[] {nanos, 0, 0, 0});
    }

    synchronized void deleted(String image, long nanos) {
        long[] p = probes.get(image);
        if (p != null) {
            p[1] = nanos;
        }
    }

    private void loop() {
        while (running) {
            try {
                long t = System.nanoTime();
                AggregatorScrape scrape = AggregatorScrape.of(http, metrics, false);
                long now = System.nanoTime();
                if (scrape != null) {
                    record(scrape.containers(), now);
                    synchronized (this) {
                        scrapeMs.add((now - t) / 1e6);
                    }
                }
                // Scraping costs the aggregator too (a 150k-pod body is ~15 MB): keep it to a third of the time.
                Thread.sleep(Math.max(20, 2 * (System.nanoTime() - t) / 1_000_000));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void record(Map<String, Long> containers, long now) {
        for (Map.Entry<String, long[]> e : probes.entrySet()) {
            long[] p = e.getValue();
            boolean present = containers.getOrDefault(e.getKey(), 0L) > 0;
            if (p[2] == 0 && present) {
                p[2] = now;
            }
            // A deletion counts as seen once the start was seen and the series is gone after the deletion.
            if (p[1] != 0 && p[3] == 0 && p[2] != 0 && !present) {
                p[3] = now;
            }
        }
    }

    /** Probes not yet seen (starts and deletions emitted but not reflected). */
    synchronized int outstanding() {
        int n = 0;
        for (long[] p : probes.values()) {
            n += p[2] == 0 ? 1 : 0;
            n += p[1] != 0 && p[3] == 0 ? 1 : 0;
        }
        return n;
    }

    /** Latencies in ms of every start and deletion seen. */
    synchronized double[] latenciesMs() {
        List<Double> ms = new ArrayList<>();
        for (long[] p : probes.values()) {
            if (p[2] != 0) {
                ms.add((p[2] - p[0]) / 1e6);
            }
            if (p[3] != 0) {
                ms.add((p[3] - p[1]) / 1e6);
            }
        }
        return ms.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Emission times (nanos) of every probe event seen, for the poller comparison. */
    synchronized List<Long> seenEmissions() {
        List<Long> times = new ArrayList<>();
        for (long[] p : probes.values()) {
            if (p[2] != 0) {
                times.add(p[0]);
            }
            if (p[3] != 0) {
                times.add(p[1]);
            }
        }
        return times;
    }

    synchronized double[] scrapeMs() {
        return scrapeMs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
