package dev.imagecensus.enricher.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.imagecensus.embedded.oci.Blob;
import dev.imagecensus.embedded.oci.SyntheticImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A registry impostor on the JDK HttpServer, ONLY for behaviours the real docker-registry cannot produce (429,
 * huge or garbage manifests, decompression bombs, stalls, redirects to blob storage). Serves synthetic images
 * by path; {@link #route} overrides one exact path. Counts requests and the most requests ever in flight.
 */
public final class FakeRegistry implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final Map<String, Blob> content = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private volatile String requiredAuthorization;
    /** Released on close, so stalling handlers end with the test. */
    final CountDownLatch closing = new CountDownLatch(1);

    public FakeRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code image} under {@code repository}: manifests by tag and digest, blobs by digest. */
    public FakeRegistry serve(String repository, SyntheticImage image) {
        content.put("/v2/" + repository + "/manifests/" + image.tag(), image.manifest());
        content.put("/v2/" + repository + "/manifests/" + image.digest(), image.manifest());
        image.childManifests().forEach(m -> content.put("/v2/" + repository + "/manifests/" + m.digest(), m));
        image.blobs().forEach(b -> content.put("/v2/" + repository + "/blobs/" + b.digest(), b));
        return this;
    }

    public FakeRegistry route(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    /** Every {@code /v2/} request must carry this Authorization header, else 401 with a Basic challenge. */
    FakeRegistry requireAuthorization(String header) {
        requiredAuthorization = header;
        return this;
    }

    public int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    /** Answers as the real registry would for served content, 404 otherwise. */
    public void serveStored(HttpExchange exchange) throws IOException {
        Blob blob = content.get(exchange.getRequestURI().getPath());
        if (blob == null) {
            send(exchange, 404, "application/json", "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\"}]}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        exchange.getResponseHeaders().set("Docker-Content-Digest", blob.digest());
        send(exchange, 200, blob.mediaType(), blob.bytes());
    }

    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", Long.toString(body.length));
        }
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    /** Sleeps until the test ends (bounded), for stalling handlers. */
    public void stall() {
        try {
            closing.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try {
            String required = requiredAuthorization;
            if (required != null && path.startsWith("/v2/") && !headerValues(exchange, "Authorization").contains(required)) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"fake\"");
                send(exchange, 401, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            HttpHandler handler = routes.get(path);
            if (handler != null) {
                handler.handle(exchange);
            } else {
                serveStored(exchange);
            }
        } catch (IOException | RuntimeException e) {
            exchange.close(); // the client hung up on purpose in some tests
        }
    }

    static List<String> headerValues(HttpExchange exchange, String name) {
        List<String> values = exchange.getRequestHeaders().get(name);
        return values == null ? List.of() : values;
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
