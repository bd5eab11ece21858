package dev.imagecensus.fakeapi;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake Kubernetes API server on the JDK {@link HttpServer}: real LIST (resourceVersion,
 * limit/continue, label and field selectors) and chunked HTTP WATCH (ADDED, MODIFIED, DELETED,
 * BOOKMARK, ERROR 410) for the kinds in {@link ResourceKind}, backed by a {@link FakeCluster}.
 * The official Kubernetes Java client and its informers run against it unchanged.
 *
 * <p>Test hooks: {@link #closeAllWatches()} here; {@link FakeCluster#expireHistory()},
 * {@link FakeCluster#forceGone(Runnable)} and watch pausing on {@link #cluster()}.
 *
 * <pre>{@code
 * try (FakeApiServer server = FakeApiServer.builder().start()) {
 *   server.cluster().create(ResourceKind.POD, podJson);
 *   Path kubeconfig = Kubeconfig.write(server, dir.resolve("kubeconfig"));
 *   ...
 * }
 * }</pre>
 */
public final class FakeApiServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FakeApiServer.class);

  private final HttpServer http;
  private final ExecutorService executor;
  private final Router router;
  private final FakeCluster cluster;
  private final String host;
  private final String bearerToken;

  static {
    // Watch events are small writes: without TCP_NODELAY, Nagle's algorithm and delayed ACKs can
    // hold one back ~40 ms. Read once when the JDK server classes load; an explicit setting wins.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private FakeApiServer(Builder b) throws IOException {
    this.cluster = b.cluster != null ? b.cluster : new FakeCluster();
    this.host = b.host;
    this.bearerToken = b.bearerToken;
    this.router = new Router(cluster, b.bearerToken, b.bookmarkInterval, b.maxWatchTimeout);
    this.http = HttpServer.create(new InetSocketAddress(b.host, b.port), 128);
    // Every open watch holds a thread: a single-threaded executor would block all other requests.
    this.executor = Executors.newCachedThreadPool(daemonThreads());
    http.setExecutor(executor);
    http.createContext("/", router);
    http.start();
    log.info("fake Kubernetes API server listening on {}", url());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:43123}. */
  public String url() {
    return "http://" + host + ":" + port();
  }

  public int port() {
    return http.getAddress().getPort();
  }

  public FakeCluster cluster() {
    return cluster;
  }

  /** The bearer token every request must carry, or null when any request is accepted. */
  public String bearerToken() {
    return bearerToken;
  }

  /** Ends every open watch with a clean end of stream, as an API server restart would; clients resume. */
  public void closeAllWatches() {
    router.closeAllWatches();
  }

  /** Open watches of a kind (null: of every kind), e.g. to wait until an informer is watching. */
  public int openWatches(ResourceKind kind) {
    return router.openWatches(kind);
  }

  /** The most recent requests (up to 10,000), oldest first. */
  public List<RecordedRequest> requests() {
    return router.requests();
  }

  public void clearRequests() {
    router.clearRequests();
  }

  /** Ends open watches, stops listening and drops connections. */
  @Override
  public void close() {
    router.closeAllWatches();
    long deadline = System.nanoTime() + Duration.ofMillis(500).toNanos();
    while (router.openWatches(null) > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5); // let ended watches send their last chunk before connections drop
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    // stop(0): on JDK 17 a positive delay is always waited out in full, even with nothing open.
    http.stop(0);
    executor.shutdownNow();
    log.info("fake Kubernetes API server on port {} stopped", port());
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "fake-apiserver-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Options; every one has a default suitable for tests. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private FakeCluster cluster;
    private String bearerToken;
    private Duration bookmarkInterval = Duration.ofMinutes(1);
    private Duration maxWatchTimeout = Duration.ofMinutes(30);

    private Builder() {}

    /** Address to bind and to put in {@link #url()}; default 127.0.0.1. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host);
      return this;
    }

    /** Port to listen on; default 0 (any free port). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** The cluster to serve; default a new empty one. */
    public Builder cluster(FakeCluster cluster) {
      this.cluster = cluster;
      return this;
    }

    /** Require {@code Authorization: Bearer <token>} on every request (401 otherwise); default none. */
    public Builder bearerToken(String token) {
      this.bearerToken = token;
      return this;
    }

    /** How often a watch with allowWatchBookmarks=true gets a BOOKMARK; default 1 minute. */
    public Builder bookmarkInterval(Duration interval) {
      this.bookmarkInterval = requirePositive(interval);
      return this;
    }

    /** Longest watch (and the length of one without timeoutSeconds); default 30 minutes. */
    public Builder maxWatchTimeout(Duration timeout) {
      this.maxWatchTimeout = requirePositive(timeout);
      return this;
    }

    public FakeApiServer start() throws IOException {
      return new FakeApiServer(this);
    }

    private static Duration requirePositive(Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("must be positive: " + d);
      }
      return d;
    }
  }
}
