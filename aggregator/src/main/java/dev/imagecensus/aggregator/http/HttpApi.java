package dev.imagecensus.aggregator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.imagecensus.aggregator.AggregatorConfig;
import dev.imagecensus.aggregator.MissingTagPolicy;
import dev.imagecensus.aggregator.domain.ImageFacets;
import dev.imagecensus.aggregator.metrics.AggregatorMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aggregator's one HTTP port: {@code /metrics}, {@code /healthz}, {@code /readyz}, the JSON API under
 * {@code /api} and the page at {@code /}. JDK server with a small pool, so a slow forwarded query or scrape never
 * blocks a probe. Any query answers 503 when it cannot be answered completely.
 */
public final class HttpApi implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
    private static final String JSON = "application/json; charset=utf-8";
    private static final Set<State> DEAD = Set.of(State.ERROR, State.PENDING_ERROR, State.NOT_RUNNING);

    /** What the inventory report says by default; see {@link AggregatorConfig}. */
    public record Options(int port, String clusterName, MissingTagPolicy missingTagPolicy, String missingTag) {
        public static Options from(AggregatorConfig config) {
            return new Options(config.httpPort(), config.clusterName(), config.missingTagPolicy(), config.missingTag());
        }
    }

    private final Options options;
    private final InventorySource inventory;
    private final Supplier<State> state;
    private final BooleanSupplier alsoReady;
    private final AggregatorMetrics metrics;
    private final Clock clock;
    private final byte[] page;
    private final ExecutorService executor;
    private final HttpServer server;

    private HttpApi(Options options, InventorySource inventory, Supplier<State> state, BooleanSupplier alsoReady,
                    AggregatorMetrics metrics, Clock clock) throws IOException {
        this.options = options;
        this.inventory = inventory;
        this.state = state;
        this.alsoReady = alsoReady;
        this.metrics = metrics;
        this.clock = clock;
        this.page = resource("index.html");
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "aggregator-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(options.port()), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    /** Binds the port and starts serving. */
    public static HttpApi start(Options options, InventorySource inventory, Supplier<State> state,
                                AggregatorMetrics metrics, Clock clock) {
        return start(options, inventory, state, () -> true, metrics, clock);
    }

    /**
     * Binds the port and starts serving; {@code /readyz} also waits for {@code alsoReady} (e.g. the rest of an
     * in-process pipeline).
     */
    public static HttpApi start(Options options, InventorySource inventory, Supplier<State> state,
                                BooleanSupplier alsoReady, AggregatorMetrics metrics, Clock clock) {
        try {
            HttpApi api = new HttpApi(options, inventory, state, alsoReady, metrics, clock);
            api.server.start();
            log.info("HTTP on port {}: /metrics /healthz /readyz /api /", api.port());
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on HTTP port " + options.port(), e);
        }
    }

    /** The bound port (the chosen one when configured as 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) {
        try {
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain; charset=utf-8", "GET only\n");
                return;
            }
            route(exchange, exchange.getRequestURI().getPath(), query(exchange.getRequestURI().getRawQuery()));
        } catch (QueryUnavailableException e) {
            sendJson(exchange, 503, Map.of("error", e.getMessage()));
        } catch (IllegalArgumentException e) {
            sendJson(exchange, 400, Map.of("error", e.getMessage()));
        } catch (RuntimeException e) {
            log.warn("HTTP {} failed", exchange.getRequestURI(), e);
            sendJson(exchange, 500, Map.of("error", e.toString()));
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, String path, Map<String, String> query) {
        boolean local = "true".equals(query.get("local"));
        switch (path) {
            case "/", "/index.html" -> send(exchange, 200, "text/html; charset=utf-8", page);
            case "/metrics" -> send(exchange, 200, AggregatorMetrics.TEXT_FORMAT,
                    metrics.scrape(names(exchange.getRequestURI().getRawQuery())));
            case "/healthz" -> probe(exchange, !DEAD.contains(state.get()));
            case "/readyz" -> probe(exchange, state.get() == State.RUNNING && alsoReady.getAsBoolean());
            case "/api/images" -> {
                List<ImageView> images = inventory.images(ImageFilter.of(query), local);
                sendJson(exchange, 200, new Lists.Images(images.size(), images, ImageFacets.FIPS_RUNTIME_NOTE));
            }
            case "/api/workloads" -> {
                List<WorkloadView> workloads = inventory.workloads(WorkloadFilter.of(query), local);
                sendJson(exchange, 200, new Lists.Workloads(workloads.size(), workloads, ImageFacets.FIPS_RUNTIME_NOTE));
            }
            case "/api/inventory" -> sendJson(exchange, 200, inventoryReport(query, local));
            default -> {
                if (path.startsWith("/api/images/") && path.length() > "/api/images/".length()) {
                    image(exchange, path.substring("/api/images/".length()), local);
                } else {
                    sendJson(exchange, 404, Map.of("error", "no such resource: " + path));
                }
            }
        }
    }

    private void image(HttpExchange exchange, String written, boolean local) {
        // Any spelling of a reference finds the image: nginx:1.27 is docker.io/library/nginx:1.27.
        String image = ImageFacets.reference(written).map(r -> r.canonical()).orElse(written);
        Optional<ImageView> view = inventory.image(image, local);
        if (view.isPresent()) {
            sendJson(exchange, 200, view.get());
        } else {
            sendJson(exchange, 404, Map.of("error", "image not in use: " + image));
        }
    }

    private KaiInventory.Report inventoryReport(Map<String, String> query, boolean local) {
        MissingTagPolicy policy = query.containsKey("missing-tag-policy")
                ? MissingTagPolicy.parse(query.get("missing-tag-policy")) : options.missingTagPolicy();
        String tag = query.getOrDefault("missing-tag", options.missingTag());
        ImageFilter filter = new ImageFilter(ImageFilter.values(query.get("namespace")), Set.of(), Set.of(), Set.of());
        return KaiInventory.report(inventory.images(filter, local), options.clusterName(), policy, tag, clock.instant());
    }

    private void probe(HttpExchange exchange, boolean ok) {
        send(exchange, ok ? 200 : 503, "text/plain; charset=utf-8", state.get() + "\n");
    }

    private static void sendJson(HttpExchange exchange, int status, Object body) {
        try {
            send(exchange, status, JSON, Json.MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) {
        send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) {
        send(exchange, status, type, ByteBuffer.wrap(body));
    }

    private static void send(HttpExchange exchange, int status, String type, ByteBuffer body) {
        try {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, body.remaining() == 0 ? -1 : body.remaining());
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body.array(), body.arrayOffset() + body.position(), body.remaining());
            }
        } catch (IOException e) {
            log.debug("Client went away during {}", exchange.getRequestURI(), e);
        }
    }

    /** Query parameters, decoded; the last of repeated names wins. */
    /**
     * The metric names asked for with Prometheus' {@code name[]} parameter (repeatable, as client_java reads it);
     * empty for all. A scraper or a dashboard that needs a few families need not pay for 10⁵ per-pod series.
     */
    static Set<String> names(String raw) {
        Set<String> names = new HashSet<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && "name[]".equals(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8))) {
                    names.add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return names;
    }

    static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            query.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = HttpApi.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
