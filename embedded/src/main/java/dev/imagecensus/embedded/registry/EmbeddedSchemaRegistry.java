package dev.imagecensus.embedded.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry speaking the Confluent REST API (Avro only) over HTTP, in this JVM: for tests,
 * {@code image-census local} and {@code image-census schema-registry}.
 *
 * <pre>{@code
 * try (var registry = EmbeddedSchemaRegistry.start(EmbeddedSchemaRegistryConfig.kafka(bootstrapServers))) {
 *     String url = registry.url(); // e.g. http://127.0.0.1:41234, for schema.registry.url
 * }
 * }</pre>
 *
 * <p>With the Kafka store this process must be the only writer of its topic (no leader election, unlike
 * Confluent's): two registries writing one {@code _schemas} topic could hand out the same id.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final SchemaStore store;
    private final String url;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedSchemaRegistry(HttpServer server, ExecutorService executor, SchemaStore store, String url) {
        this.server = server;
        this.executor = executor;
        this.store = store;
        this.url = url;
    }

    /** Opens the store, rebuilds every subject, version, id and config from it, then serves HTTP. */
    public static EmbeddedSchemaRegistry start(EmbeddedSchemaRegistryConfig config) {
        long started = System.nanoTime();
        SchemaStore store = config.store().open();
        HttpServer server = null;
        ExecutorService executor = null;
        try {
            RegistryService service = new RegistryService(store, config.defaultCompatibility());
            ObjectMapper json = new ObjectMapper();
            server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
            server.createContext("/", new RegistryEndpoints(service, json).router());
            // Several threads: the default single-thread executor would queue every request behind a slow one.
            executor = Executors.newFixedThreadPool(config.threads(), daemonThreads());
            server.setExecutor(executor);
            server.start();
            String url = url(server.getAddress());
            log.info("Schema registry listening on {} (store {}, default compatibility {}) in {} ms", url,
                    config.store(), config.defaultCompatibility(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return new EmbeddedSchemaRegistry(server, executor, store, url);
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                server.stop(0);
            }
            if (executor != null) {
                executor.shutdownNow();
            }
            store.close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Cannot bind the schema registry to " + config.host() + ":"
                        + config.port(), io);
            }
            throw (RuntimeException) e;
        }
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:41234}; a wildcard bind is reported as loopback. */
    public String url() {
        return url;
    }

    /** The bound port (the chosen one when configured with 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops serving and closes the store; safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        store.close();
        log.debug("Schema registry at {} stopped", url);
    }

    private static String url(InetSocketAddress address) {
        InetAddress host = address.getAddress();
        String name = host.isAnyLocalAddress() ? "127.0.0.1" : host.getHostAddress();
        if (host instanceof Inet6Address && !host.isAnyLocalAddress()) {
            name = "[" + name + "]";
        }
        return "http://" + name + ":" + address.getPort();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "schema-registry-http-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
