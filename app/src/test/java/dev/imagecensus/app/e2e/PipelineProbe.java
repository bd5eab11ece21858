package dev.imagecensus.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Reads what the aggregator shows over HTTP (a Prometheus text scrape of {@code /metrics}, {@code /api/inventory})
 * into a {@link PipelineView}, and polls until it equals the ground truth.
 */
final class PipelineProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Supplier<String> baseUrl;
    private final String clusterName;

    /** @param baseUrl the aggregator's {@code http://host:port}, asked anew on each read (it may move on restart) */
    PipelineProbe(Supplier<String> baseUrl, String clusterName) {
        this.baseUrl = baseUrl;
        this.clusterName = clusterName;
    }

    PipelineView read() throws IOException, InterruptedException {
        SortedMap<String, Double> series = parse(get("/metrics"));
        JsonNode report = JSON.readTree(get("/api/inventory"));
        if (!clusterName.equals(report.path("cluster_name").asText())) {
            throw new IOException("inventory of cluster '" + report.path("cluster_name").asText() + "', expected '"
                    + clusterName + "'");
        }
        SortedSet<String> rows = new TreeSet<>();
        for (JsonNode namespace : report.path("results")) {
            for (JsonNode image : namespace.path("images")) {
                rows.add(namespace.path("namespace").asText() + " " + image.path("tag").asText() + " "
                        + image.path("repoDigest").asText());
            }
        }
        return new PipelineView(series, rows);
    }

    /**
     * Polls until the view equals {@code truth} (and {@code alsoDone} holds, when given); fails with the remaining
     * differences after {@code timeout}.
     */
    PipelineView awaitEqual(Supplier<PipelineView> truth, Duration timeout, Check alsoDone) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> diff = List.of("no answer yet");
        String extra = "";
        while (true) {
            PipelineView expected = truth.get();
            try {
                PipelineView actual = read();
                diff = actual.diff(expected);
                extra = "";
                if (diff.isEmpty()) {
                    extra = alsoDone == null ? "" : alsoDone.problem();
                    if (extra.isEmpty()) {
                        return actual;
                    }
                }
            } catch (IOException e) {
                diff = List.of("  " + e);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the pipeline did not match the ground truth within " + timeout + ":\n"
                        + (diff.isEmpty() ? "  metrics and inventory match, but:" + extra
                        : String.join("\n", diff.size() > 80 ? diff.subList(0, 80) : diff)
                        + (diff.size() > 80 ? "\n  ... and " + (diff.size() - 80) + " more" : "")));
            }
            Thread.sleep(300);
        }
    }

    /** A further condition of convergence: empty when met, else what is still wrong. */
    @FunctionalInterface
    interface Check {
        String problem() throws InterruptedException;
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The compared families of a Prometheus text scrape (0.0.4), zero-valued count series left out. */
    static SortedMap<String, Double> parse(String scrape) {
        SortedMap<String, Double> series = new TreeMap<>();
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            String family = brace >= 0 && brace < space ? line.substring(0, brace) : line.substring(0, space);
            if (!PipelineView.compared(family)) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            int end = family.length();
            if (brace >= 0 && brace < space) {
                end = labels(line, brace + 1, labels);
            }
            String[] rest = line.substring(end).trim().split("\\s+");
            double value = Double.parseDouble(rest[0]);
            if (value == 0 && PipelineView.COUNT_FAMILIES.contains(family)) {
                continue;
            }
            series.put(PipelineView.key(family, labels), value);
        }
        return series;
    }

    /** Reads {@code a="x",b="y"}} from {@code at}; returns the index after the closing brace. */
    private static int labels(String line, int at, Map<String, String> labels) {
        int i = at;
        while (line.charAt(i) != '}') {
            int eq = line.indexOf('=', i);
            String name = line.substring(i, eq).trim();
            StringBuilder value = new StringBuilder();
            int j = eq + 2; // after ="
            while (line.charAt(j) != '"') {
                char c = line.charAt(j);
                if (c == '\\') {
                    char next = line.charAt(++j);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
                j++;
            }
            labels.put(name, value.toString());
            i = j + 1;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        return i + 1;
    }
}
