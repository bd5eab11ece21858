package dev.imagecensus.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the aggregator's {@code /metrics} says about the inventory: live containers per image
 * ({@code imagecensus_image_containers}), images not yet classified, images per availability state, pods with a
 * FIPS roll-up ({@code workload_fips_enabled} series) and workloads whose FIPS roll-up is still UNKNOWN (a container
 * whose classification has not reached the pod and workload tables yet).
 */
record AggregatorScrape(Map<String, Long> containers, long unclassified, long available, long podSeries,
                        long unknownWorkloads) {

    private static final String CONTAINERS = "imagecensus_image_containers{image=\"";
    private static final String UNCLASSIFIED = "imagecensus_unclassified_images ";
    private static final String AVAILABLE = "imagecensus_availability_images{availability=\"AVAILABLE\"} ";
    private static final String POD_FIPS = "workload_fips_enabled{";
    private static final String UNKNOWN_WORKLOADS = "imagecensus_fips_workloads{fips=\"UNKNOWN\"} ";

    /** The families read, without the per-pod one: a scrape of the whole of it costs 10⁵ series on both sides. */
    private static final String FAMILIES = "?name%5B%5D=imagecensus_image_containers&name%5B%5D=imagecensus_unclassified_images"
            + "&name%5B%5D=imagecensus_availability_images&name%5B%5D=imagecensus_fips_workloads";

    /**
     * Null while the aggregator does not answer yet. Asks only for the families read ({@code name[]}), and for the
     * per-pod {@code workload_fips_enabled} only when {@code withPods}: the harness polls several times a second, where
     * Prometheus would scrape every 15–30 s, and whole scrapes of 150k pods made the measuring a large share of the
     * load measured (bench/RESULTS.md).
     */
    static AggregatorScrape of(HttpClient http, URI metrics, boolean withPods) throws InterruptedException {
        URI selected = URI.create(metrics + FAMILIES + (withPods ? "&name%5B%5D=workload_fips_enabled" : ""));
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(selected).timeout(Duration.ofSeconds(20))
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                return null;
            }
            Map<String, Long> containers = new HashMap<>();
            long unclassified = -1;
            long available = 0;
            long pods = 0;
            long unknown = 0;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith(CONTAINERS)) {
                        int end = line.indexOf("\"}", CONTAINERS.length());
                        containers.put(line.substring(CONTAINERS.length(), end), value(line));
                    } else if (line.startsWith(UNCLASSIFIED)) {
                        unclassified = value(line);
                    } else if (line.startsWith(AVAILABLE)) {
                        available = value(line);
                    } else if (line.startsWith(POD_FIPS)) {
                        pods++;
                    } else if (line.startsWith(UNKNOWN_WORKLOADS)) {
                        unknown = value(line);
                    }
                }
            }
            containers.values().removeIf(v -> v == 0);
            return new AggregatorScrape(containers, unclassified, available, pods, unknown);
        } catch (IOException e) {
            return null;
        }
    }

    boolean countsEqual(Map<String, Long> truth) {
        return containers.equals(truth);
    }

    boolean allClassified(int imagesInUse) {
        return unclassified == 0 && available == imagesInUse;
    }

    /** Every pod has its FIPS roll-up and no workload waits for a classification. */
    boolean rolledUp(int pods) {
        return podSeries == pods && unknownWorkloads == 0;
    }

    long totalContainers() {
        return containers.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Up to {@code max} differences from {@code truth}, for failure messages. */
    List<String> differences(Map<String, Long> truth, int max) {
        List<String> diffs = new ArrayList<>();
        for (Map.Entry<String, Long> e : truth.entrySet()) {
            Long seen = containers.get(e.getKey());
            if (!e.getValue().equals(seen) && diffs.size() < max) {
                diffs.add(e.getKey() + ": expected " + e.getValue() + ", aggregator " + seen);
            }
        }
        for (Map.Entry<String, Long> e : containers.entrySet()) {
            if (!truth.containsKey(e.getKey()) && diffs.size() < max) {
                diffs.add(e.getKey() + ": expected none, aggregator " + e.getValue());
            }
        }
        return diffs;
    }

    private static long value(String line) {
        return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
