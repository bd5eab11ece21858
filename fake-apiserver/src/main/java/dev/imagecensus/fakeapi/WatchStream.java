package dev.imagecensus.fakeapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open WATCH: a chunked HTTP response of newline-delimited JSON events
 * ({@code {"type":"ADDED","object":{...}}}) from the given resourceVersion on, with optional
 * BOOKMARKs, a 410 ERROR event when the resourceVersion is older than the history, and a clean
 * end of stream at {@code timeoutSeconds} or when the server closes it.
 */
final class WatchStream {

  private static final Logger log = LoggerFactory.getLogger(WatchStream.class);
  private static final byte[] OBJECT_START = "\",\"object\":".getBytes(StandardCharsets.UTF_8);
  private static final byte[] EVENT_START = "{\"type\":\"".getBytes(StandardCharsets.UTF_8);
  private static final byte[] EVENT_END = "}\n".getBytes(StandardCharsets.UTF_8);

  private final FakeCluster cluster;
  private final Route route;
  private final QueryParams params;
  private final Duration bookmarkInterval;
  private final Duration maxTimeout;
  private volatile boolean closed;

  WatchStream(FakeCluster cluster, Route route, QueryParams params, Duration bookmarkInterval, Duration maxTimeout) {
    this.cluster = cluster;
    this.route = route;
    this.params = params;
    this.bookmarkInterval = bookmarkInterval;
    this.maxTimeout = maxTimeout;
  }

  ResourceKind kind() {
    return route.kind();
  }

  /** Ends the stream cleanly at its next wake-up; the caller must also wake the cluster's watchers. */
  void close() {
    closed = true;
  }

  boolean isClosed() {
    return closed;
  }

  /** Validates the request (failures are plain HTTP errors), then streams until closed, timed out or gone. */
  void serve(HttpExchange exchange) throws IOException, InterruptedException {
    ObjectFilter filter = ObjectFilter.of(route.kind(), route.namespace(), params.string("labelSelector"),
        params.string("fieldSelector"));
    boolean bookmarks = params.bool("allowWatchBookmarks");
    String rv = params.string("resourceVersion");
    boolean fromNow = rv.isEmpty() || rv.equals("0");
    long cursor = fromNow ? 0 : ResourceVersions.parse(rv);
    // Unset or "0": synthetic ADDED events for the current state first, unless sendInitialEvents=false.
    boolean initialEvents = params.has("sendInitialEvents") ? params.bool("sendInitialEvents") : fromNow;
    long timeoutSeconds = params.nonNegative("timeoutSeconds");
    Duration timeout = timeoutSeconds == 0 || timeoutSeconds > maxTimeout.toSeconds()
        ? maxTimeout : Duration.ofSeconds(timeoutSeconds);
    long end = System.nanoTime() + timeout.toNanos();

    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 0); // chunked: the body is an open-ended event stream
    try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 1 << 16)) {
      if (initialEvents || fromNow) {
        Snapshot snapshot = cluster.snapshot(route.kind());
        if (initialEvents) {
          for (StoredObject o : snapshot.items()) {
            if (filter.matches(o)) {
              writeEvent(out, "ADDED", o);
            }
          }
          if (bookmarks && params.has("sendInitialEvents")) {
            writeBookmark(out, snapshot.resourceVersion(), true);
          }
        }
        cursor = snapshot.resourceVersion();
        out.flush();
      } else if (cursor > cluster.resourceVersion()) {
        writeError(out, new ApiStatus(504, "Timeout", "Too large resource version: " + cursor
            + ", current: " + cluster.resourceVersion()));
        return;
      }
      stream(out, filter, cursor, bookmarks, end);
    }
  }

  private void stream(OutputStream out, ObjectFilter filter, long cursor, boolean bookmarks, long end)
      throws IOException, InterruptedException {
    long nextBookmark = System.nanoTime() + bookmarkInterval.toNanos();
    while (!closed) {
      long deadline = bookmarks ? Math.min(end, nextBookmark) : end;
      WatchPoll poll = cluster.poll(route.kind(), cursor, deadline, this::isClosed);
      if (closed) {
        return;
      }
      if (poll.gone()) {
        log.debug("watch {} at {} is gone: history starts at {}", route.kind().plural(), cursor, poll.goneBelow());
        writeError(out, ApiStatus.expired("too old resource version: " + cursor + " (" + poll.goneBelow() + ")"));
        return;
      }
      for (WatchEvent e : poll.events()) {
        writeFiltered(out, filter, e);
      }
      cursor = poll.cursor();
      long now = System.nanoTime();
      if (bookmarks && now - nextBookmark >= 0) {
        writeBookmark(out, cursor, false);
        nextBookmark = now + bookmarkInterval.toNanos();
      }
      out.flush();
      if (now - end >= 0) {
        return;
      }
    }
  }

  /** A change seen through a selector: entering it is an ADDED, leaving it a DELETED, as on a real server. */
  private static void writeFiltered(OutputStream out, ObjectFilter filter, WatchEvent e) throws IOException {
    boolean now = filter.matches(e.object());
    switch (e.type()) {
      case ADDED, DELETED -> {
        if (now) {
          writeEvent(out, e.type().name(), e.object());
        }
      }
      case MODIFIED -> {
        boolean before = filter.matches(e.previous());
        if (now || before) {
          writeEvent(out, now && before ? "MODIFIED" : now ? "ADDED" : "DELETED", e.object());
        }
      }
      default -> throw new IllegalStateException(e.type().name());
    }
  }

  private static void writeEvent(OutputStream out, String type, StoredObject o) throws IOException {
    out.write(EVENT_START);
    out.write(type.getBytes(StandardCharsets.US_ASCII));
    out.write(OBJECT_START);
    o.writeWithTypeMeta(out);
    out.write(EVENT_END);
  }

  private void writeBookmark(OutputStream out, long rv, boolean initialEventsEnd) throws IOException {
    ObjectNode event = ObjectCodec.MAPPER.createObjectNode();
    event.put("type", "BOOKMARK");
    ObjectNode obj = event.putObject("object");
    obj.put("kind", route.kind().kind());
    obj.put("apiVersion", route.kind().apiVersion());
    ObjectNode meta = obj.putObject("metadata");
    meta.put("resourceVersion", Long.toString(rv));
    if (initialEventsEnd) {
      meta.putObject("annotations").put("k8s.io/initial-events-end", "true");
    }
    writeLine(out, event);
  }

  private static void writeError(OutputStream out, ApiStatus status) throws IOException {
    ObjectNode event = ObjectCodec.MAPPER.createObjectNode();
    event.put("type", "ERROR");
    event.set("object", status.toJson());
    writeLine(out, event);
    out.flush();
  }

  private static void writeLine(OutputStream out, ObjectNode event) throws IOException {
    out.write(ObjectCodec.serialize(event));
    out.write('\n');
  }
}
