package dev.imagecensus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed exporter's way, as a baseline: every {@code interval} list every pod of the cluster (paged, 500 a page,
 * over HTTP from the same API server the watcher uses), decode each page and count containers per image. Its view
 * is as old as the start of the last completed list; an event becomes visible when the first list that started
 * after it completes.
 */
final class FullListPoller implements AutoCloseable {

    /** One completed poll: when its list started and ended (nanoTime), pods and distinct images seen, bytes read. */
    record Poll(long startNanos, long endNanos, int pods, int images, long bytes) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String apiUrl;
    private final long intervalNanos;
    private final List<Poll> polls = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    FullListPoller(String apiUrl, long intervalMillis) {
        this.apiUrl = apiUrl;
        this.intervalNanos = intervalMillis * 1_000_000;
        this.thread = new Thread(this::loop, "full-list-poller");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        long next = System.nanoTime();
        while (running) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
                continue;
            }
            next += intervalNanos;
            try {
                Poll poll = pollOnce();
                synchronized (this) {
                    polls.add(poll);
                }
            } catch (IOException e) {
                System.err.println("full-list poller: " + e);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Poll pollOnce() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Map<String, Integer> counts = new HashMap<>();
        String token = null;
        int pods = 0;
        long bytes = 0;
        do {
            String url = apiUrl + "/api/v1/pods?limit=500"
                    + (token == null ? "" : "&continue=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
            byte[] body = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            bytes += body.length;
            JsonNode page = JSON.readTree(body);
            for (JsonNode pod : page.path("items")) {
                pods++;
                for (String field : new String[] {"initContainers", "containers"}) {
                    for (JsonNode c : pod.path("spec").path(field)) {
                        counts.merge(c.path("image").asText(), 1, Integer::sum);
                    }
                }
            }
            token = page.path("metadata").path("continue").asText("");
            token = token.isEmpty() ? null : token;
        } while (token != null);
        return new Poll(start, System.nanoTime(), pods, counts.size(), bytes);
    }

    synchronized List<Poll> polls() {
        return List.copyOf(polls);
    }

    /**
     * When an event emitted at {@code emittedNanos} became visible to the poller: the end of the first poll that
     * started after it, or -1 if none did.
     */
    static long visibleAt(List<Poll> polls, long emittedNanos) {
        for (Poll p : polls) {
            if (p.startNanos() >= emittedNanos) {
                return p.endNanos();
            }
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
