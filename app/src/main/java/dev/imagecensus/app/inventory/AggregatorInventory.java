package dev.imagecensus.app.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The inventory of a running aggregator: its workloads ({@code /api/workloads}: containers, images, pod counts) and
 * images ({@code /api/images}: distro, FIPS, existence), read over HTTP.
 */
public final class AggregatorInventory {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;

    public AggregatorInventory(String url) {
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        try {
            this.base = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--url '" + url + "' is not a URL", e);
        }
        if (base.getScheme() == null || base.getHost() == null) {
            throw new IllegalArgumentException("--url '" + url + "' must be http(s)://host:port");
        }
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** What the report needs from the aggregator. */
    public record Answer(List<ContainerEntry> entries, Map<String, ImageFacts> facts) {
    }

    /** @throws UnreachableException when the aggregator cannot be reached or does not answer 200 */
    public Answer fetch() throws InterruptedException {
        JsonNode workloads = get("/api/workloads");
        JsonNode images = get("/api/images");
        return new Answer(entries(workloads), facts(images));
    }

    /** Each workload's containers, from {@code /api/workloads}. */
    public static List<ContainerEntry> entries(JsonNode workloads) {
        List<ContainerEntry> entries = new ArrayList<>();
        for (JsonNode w : workloads.path("workloads")) {
            for (JsonNode i : w.path("images")) {
                entries.add(new ContainerEntry(w.path("namespace").asText(), null, w.path("kind").asText(),
                        w.path("name").asText(), i.path("container").asText(), i.path("image").asText(),
                        i.path("pods").asInt()));
            }
        }
        return entries;
    }

    /** Each image's classification, by canonical reference, from {@code /api/images}. */
    public static Map<String, ImageFacts> facts(JsonNode images) {
        Map<String, ImageFacts> facts = new HashMap<>();
        for (JsonNode i : images.path("images")) {
            String note = i.path("partial").asBoolean() ? "partial classification" : null;
            facts.put(i.path("image").asText(), new ImageFacts(text(i, "distro", "unclassified"),
                    text(i, "distroVersion", null), text(i, "fips", ImageFacts.UNCLASSIFIED),
                    text(i, "availability", ImageFacts.UNCLASSIFIED), text(i, "digest", null), note));
        }
        return facts;
    }

    public String url() {
        return base.toString();
    }

    private JsonNode get(String path) throws InterruptedException {
        URI uri = URI.create(base + path);
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new UnreachableException("cannot reach the aggregator at " + base + " ("
                    + (e.getMessage() == null ? "connection refused" : e.getMessage()) + ")", e);
        } catch (HttpTimeoutException e) {
            throw new UnreachableException("the aggregator at " + base + " did not answer " + path + " within "
                    + TIMEOUT.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new UnreachableException("cannot read " + uri + " (" + describe(e) + ")", e);
        }
        if (response.statusCode() != 200) {
            throw new UnreachableException("the aggregator at " + base + " answered " + path + " with HTTP "
                    + response.statusCode() + ": " + abbreviate(response.body()), null);
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UnreachableException(uri + " did not answer JSON: is " + base + " an image-census aggregator?", e);
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.textValue().isBlank() ? value.textValue() : fallback;
    }

    private static String describe(IOException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }

    /** The aggregator could not give its inventory. */
    public static final class UnreachableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnreachableException(String message, Throwable cause) {
            super(message, cause);
        }

        /** Nothing accepted the connection (rather than an aggregator answering an error). */
        public boolean nobodyListens() {
            return getCause() instanceof ConnectException || getCause() instanceof HttpConnectTimeoutException;
        }
    }
}
