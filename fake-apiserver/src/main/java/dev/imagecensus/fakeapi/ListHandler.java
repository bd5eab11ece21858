package dev.imagecensus.fakeapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves a LIST: a consistent snapshot, filtered, paged with {@code limit}/{@code continue}, written
 * as a {@code PodList}-style object whose items, as on a real API server, carry no kind/apiVersion.
 */
final class ListHandler {

  /** How long a list for a resourceVersion the cluster has not reached waits, as the API server does. */
  private static final Duration FUTURE_RV_WAIT = Duration.ofSeconds(3);
  private static final byte[] ITEMS_END = "]}".getBytes(StandardCharsets.UTF_8);

  private final FakeCluster cluster;

  ListHandler(FakeCluster cluster) {
    this.cluster = cluster;
  }

  void handle(HttpExchange exchange, Route route, QueryParams params) throws IOException, InterruptedException {
    ResourceKind kind = route.kind();
    ObjectFilter filter = ObjectFilter.of(kind, route.namespace(), params.string("labelSelector"),
        params.string("fieldSelector"));
    long limit = params.nonNegative("limit");
    Snapshot snapshot;
    String start;
    if (params.string("continue").isEmpty()) {
      snapshot = snapshotFor(kind, params);
      start = route.namespace() == null ? "" : route.namespace() + "/";
    } else {
      if (!params.string("resourceVersion").isEmpty()) {
        throw ApiStatus.badRequest("specifying resource version is not allowed when using continue");
      }
      ContinueToken token = ContinueToken.decode(params.string("continue"));
      snapshot = cluster.snapshotAt(kind, token.resourceVersion()).orElseThrow(() -> ApiStatus.expired(
          "The provided continue parameter is too old to display a consistent list result."
              + " You can start a new list without the continue parameter."));
      start = token.start();
    }
    write(exchange, kind, page(snapshot, filter, start, limit));
  }

  private Snapshot snapshotFor(ResourceKind kind, QueryParams params) throws InterruptedException {
    String rv = params.string("resourceVersion");
    String match = params.string("resourceVersionMatch");
    if (rv.isEmpty() || rv.equals("0")) {
      if (!match.isEmpty() && !rv.equals("0")) {
        throw ApiStatus.badRequest("resourceVersionMatch is forbidden unless resourceVersion is provided");
      }
      return cluster.snapshot(kind);
    }
    long wanted = ResourceVersions.parse(rv);
    // Only the current state exists: "NotOlderThan" (the default) is always served from it;
    // "Exact" only when the revision asked for is the current one.
    if (!cluster.awaitResourceVersion(wanted, FUTURE_RV_WAIT)) {
      throw new ApiStatus(504, "Timeout", "Too large resource version: " + wanted
          + ", current: " + cluster.resourceVersion());
    }
    Snapshot snapshot = cluster.snapshot(kind);
    if (match.equals("Exact") && snapshot.resourceVersion() != wanted) {
      throw ApiStatus.expired("too old resource version: " + wanted + " (" + snapshot.resourceVersion() + ")");
    }
    if (!match.isEmpty() && !match.equals("Exact") && !match.equals("NotOlderThan")) {
      throw ApiStatus.badRequest("unsupported resourceVersionMatch: " + match);
    }
    return snapshot;
  }

  private record Page(long resourceVersion, List<StoredObject> items, String continueToken, long remaining) {}

  private static Page page(Snapshot snapshot, ObjectFilter filter, String start, long limit) {
    StoredObject[] all = snapshot.items();
    int from = snapshot.lowerBound(start);
    // A namespace's keys are contiguous: they all lie between "ns/" and "ns0" ('0' follows '/').
    int end = filter.namespace() == null ? all.length : snapshot.lowerBound(filter.namespace() + "0");
    List<StoredObject> items = new ArrayList<>();
    int i = from;
    for (; i < end && (limit == 0 || items.size() < limit); i++) {
      if (filter.matches(all[i])) {
        items.add(all[i]);
      }
    }
    if (i >= end) {
      return new Page(snapshot.resourceVersion(), items, null, -1);
    }
    String token = ContinueToken.after(snapshot.resourceVersion(), all[i - 1].key()).encode();
    // Like the API server, a count of what is left only when no selector makes it uncertain.
    return new Page(snapshot.resourceVersion(), items, token, filter.hasSelectors() ? -1 : end - i);
  }

  private static void write(HttpExchange exchange, ResourceKind kind, Page page) throws IOException {
    byte[] head = head(kind, page);
    long length = head.length + ITEMS_END.length + Math.max(0, page.items().size() - 1);
    for (StoredObject o : page.items()) {
      length += o.body().length;
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, length);
    try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 1 << 16)) {
      out.write(head);
      boolean first = true;
      for (StoredObject o : page.items()) {
        if (!first) {
          out.write(',');
        }
        first = false;
        out.write(o.body());
      }
      out.write(ITEMS_END);
    }
  }

  /** Everything before the first item: {@code {"kind":"PodList","apiVersion":"v1","metadata":{...},"items":[}. */
  private static byte[] head(ResourceKind kind, Page page) {
    ObjectNode list = ObjectCodec.MAPPER.createObjectNode();
    list.put("kind", kind.listKind());
    list.put("apiVersion", kind.apiVersion());
    ObjectNode meta = list.putObject("metadata");
    meta.put("resourceVersion", Long.toString(page.resourceVersion()));
    if (page.continueToken() != null) {
      meta.put("continue", page.continueToken());
      if (page.remaining() >= 0) {
        meta.put("remainingItemCount", page.remaining());
      }
    }
    String json = new String(ObjectCodec.serialize(list), StandardCharsets.UTF_8);
    return (json.substring(0, json.length() - 1) + ",\"items\":[").getBytes(StandardCharsets.UTF_8);
  }
}
