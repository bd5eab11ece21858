package dev.imagecensus.fakeapi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP entry point: logs and records each request, checks the bearer token, routes GETs to a
 * single-object read, a list or a watch, and turns every failure into a {@code Status} body.
 */
final class Router implements HttpHandler {

  private static final Logger log = LoggerFactory.getLogger(Router.class);
  private static final int RECORDED_REQUESTS = 10_000;

  private final FakeCluster cluster;
  private final String bearerToken;
  private final Duration bookmarkInterval;
  private final Duration maxWatchTimeout;
  private final ListHandler lists;
  private final Set<WatchStream> watches = ConcurrentHashMap.newKeySet();
  private final ArrayDeque<RecordedRequest> recorded = new ArrayDeque<>();

  Router(FakeCluster cluster, String bearerToken, Duration bookmarkInterval, Duration maxWatchTimeout) {
    this.cluster = cluster;
    this.bearerToken = bearerToken;
    this.bookmarkInterval = bookmarkInterval;
    this.maxWatchTimeout = maxWatchTimeout;
    this.lists = new ListHandler(cluster);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    try {
      QueryParams params = QueryParams.parse(exchange.getRequestURI().getRawQuery());
      record(new RecordedRequest(method, path, Collections.unmodifiableMap(params.asMap())), exchange);
      if (bearerToken != null
          && !("Bearer " + bearerToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        throw new ApiStatus(401, "Unauthorized", "Unauthorized");
      }
      if (!method.equals("GET")) {
        throw new ApiStatus(405, "MethodNotAllowed", "the fake API server serves reads only: " + method);
      }
      Route route = Route.parse(path).orElseThrow(ApiStatus::notFound);
      if (route.name() != null) {
        get(exchange, route);
      } else if (params.bool("watch")) {
        watch(exchange, route, params);
      } else {
        lists.handle(exchange, route, params);
      }
    } catch (ApiStatus status) {
      log.debug("{} {} -> {} {}", method, path, status.code(), status.getMessage());
      respond(exchange, status.code(), status.toBytes());
    } catch (IOException e) {
      log.debug("{} {}: client went away: {}", method, path, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.warn("{} {} failed", method, path, e);
      respond(exchange, 500, new ApiStatus(500, "InternalError", String.valueOf(e)).toBytes());
    } finally {
      exchange.close();
    }
  }

  /** Ends every open watch cleanly; clients resume from their last resourceVersion. */
  void closeAllWatches() {
    watches.forEach(WatchStream::close);
    cluster.wakeWatchers();
  }

  int openWatches(ResourceKind kind) {
    return (int) watches.stream().filter(w -> kind == null || w.kind() == kind).count();
  }

  List<RecordedRequest> requests() {
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  void clearRequests() {
    synchronized (recorded) {
      recorded.clear();
    }
  }

  private void get(HttpExchange exchange, Route route) throws IOException {
    StoredObject o = cluster.stored(route.kind(), route.namespace(), route.name())
        .orElseThrow(() -> ApiStatus.notFound(route.kind(), route.name()));
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, o.lengthWithTypeMeta());
    try (OutputStream out = exchange.getResponseBody()) {
      o.writeWithTypeMeta(out);
    }
  }

  private void watch(HttpExchange exchange, Route route, QueryParams params) throws IOException, InterruptedException {
    WatchStream stream = new WatchStream(cluster, route, params, bookmarkInterval, maxWatchTimeout);
    watches.add(stream);
    try {
      stream.serve(exchange);
    } finally {
      watches.remove(stream);
      log.debug("watch {} ended", route.kind().plural());
    }
  }

  private void record(RecordedRequest request, HttpExchange exchange) {
    log.debug("{} from {}", request, exchange.getRemoteAddress());
    synchronized (recorded) {
      if (recorded.size() == RECORDED_REQUESTS) {
        recorded.removeFirst();
      }
      recorded.addLast(request);
    }
  }

  private static void respond(HttpExchange exchange, int code, byte[] body) {
    try {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(code, body.length);
      exchange.getResponseBody().write(body);
    } catch (IOException | RuntimeException e) {
      // Headers already sent (a failure mid-stream) or the client is gone: nothing more to say.
      log.debug("could not send status {}: {}", code, e.toString());
    }
  }
}
