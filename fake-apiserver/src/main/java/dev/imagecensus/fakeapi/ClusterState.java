package dev.imagecensus.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The data behind {@link FakeCluster}: objects by kind and key, the global resourceVersion, event
 * history and list snapshots. Not thread-safe: every call happens under {@link FakeCluster}'s lock.
 */
final class ClusterState {

  /** How a write treats an existing object. */
  enum Mode { CREATE, UPDATE, APPLY }

  private static final int MAX_INTERNED = 200_000;

  private final Map<ResourceKind, TreeMap<String, StoredObject>> objects = new EnumMap<>(ResourceKind.class);
  private final Map<ResourceKind, EventLog> logs = new EnumMap<>(ResourceKind.class);
  private final SnapshotCache snapshots = new SnapshotCache(16, Duration.ofMinutes(5));
  // Label keys/values and namespaces repeat across thousands of pods: keep one copy of each.
  private final Map<String, String> interned = new HashMap<>();
  private long resourceVersion = 1;
  private long compactedUpTo;

  ClusterState(int historySize) {
    for (ResourceKind k : ResourceKind.values()) {
      objects.put(k, new TreeMap<>());
      logs.put(k, new EventLog(historySize));
    }
  }

  long resourceVersion() {
    return resourceVersion;
  }

  StoredObject write(ResourceKind kind, ObjectNode obj, Mode mode) {
    TreeMap<String, StoredObject> byKey = objects.get(kind);
    StoredObject previous = byKey.get(keyOf(kind, obj));
    if (mode == Mode.CREATE && previous != null) {
      throw new IllegalStateException(kind.plural() + " \"" + previous.key() + "\" already exists");
    }
    if (mode == Mode.UPDATE && previous == null) {
      throw new NoSuchElementException(kind.plural() + " \"" + keyOf(kind, obj) + "\" not found");
    }
    // The revision is taken only once the object is valid: a rejected write leaves no trace.
    StoredObject stored = ObjectCodec.store(kind, obj, resourceVersion + 1, previous, this::intern);
    resourceVersion = stored.resourceVersion();
    byKey.put(stored.key(), stored);
    WatchEvent.Type type = previous == null ? WatchEvent.Type.ADDED : WatchEvent.Type.MODIFIED;
    logs.get(kind).append(new WatchEvent(type, stored, previous));
    return stored;
  }

  /** Removes an object; returns its last state at the deletion's resourceVersion, or null. */
  StoredObject delete(ResourceKind kind, String namespace, String name) {
    StoredObject existing = objects.get(kind).remove(StoredObject.key(kind, namespace, name));
    if (existing == null) {
      return null;
    }
    StoredObject deleted = ObjectCodec.withResourceVersion(existing, ++resourceVersion);
    logs.get(kind).append(new WatchEvent(WatchEvent.Type.DELETED, deleted, existing));
    return deleted;
  }

  StoredObject get(ResourceKind kind, String namespace, String name) {
    return objects.get(kind).get(StoredObject.key(kind, namespace, name));
  }

  int count(ResourceKind kind) {
    return objects.get(kind).size();
  }

  /** A snapshot at the current resourceVersion, cached so continue tokens can find it. */
  Snapshot snapshot(ResourceKind kind) {
    return snapshots.get(kind, resourceVersion).orElseGet(() -> {
      Snapshot s = new Snapshot(kind, resourceVersion, objects.get(kind).values().toArray(new StoredObject[0]));
      snapshots.put(s);
      return s;
    });
  }

  Optional<Snapshot> snapshotAt(ResourceKind kind, long rv) {
    return snapshots.get(kind, rv);
  }

  /**
   * Drops history and snapshots (an etcd compaction). The revision first moves on by one, as
   * unrelated writes make it do in a real cluster, so every watch is behind it, yet a client that
   * relists afterwards can watch from the new list's revision.
   */
  void compact() {
    compactedUpTo = ++resourceVersion;
    logs.values().forEach(log -> log.compact(resourceVersion));
    snapshots.clear();
  }

  /** The oldest resourceVersion a watch of this kind may resume from. */
  long oldestResumable(ResourceKind kind) {
    return Math.max(compactedUpTo, logs.get(kind).oldestResumable());
  }

  List<WatchEvent> eventsAfter(ResourceKind kind, long rv) {
    return logs.get(kind).after(rv);
  }

  /** The key an incoming object will have (a generateName object has none yet: "" never matches). */
  private static String keyOf(ResourceKind kind, ObjectNode obj) {
    JsonNode meta = obj.path("metadata");
    String ns = meta.path("namespace").asText("");
    return StoredObject.key(kind, ns.isEmpty() ? "default" : ns, meta.path("name").asText(""));
  }

  private String intern(String s) {
    String existing = interned.get(s);
    if (existing != null) {
      return existing;
    }
    if (interned.size() < MAX_INTERNED) {
      interned.put(s, s);
    }
    return s;
  }
}
