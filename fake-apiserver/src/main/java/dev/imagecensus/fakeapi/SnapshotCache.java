package dev.imagecensus.fakeapi;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Recent list snapshots by kind and resourceVersion, so continue tokens can be served; an
 * evicted or expired snapshot makes its continue token answer 410, as after an etcd compaction.
 * Not thread-safe: {@link FakeCluster} guards it with its lock.
 */
final class SnapshotCache {

  private record Key(ResourceKind kind, long resourceVersion) {}

  private record Entry(Snapshot snapshot, long lastUsedNanos) {}

  private final int maxEntries;
  private final long ttlNanos;
  private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

  SnapshotCache(int maxEntries, Duration ttl) {
    this.maxEntries = maxEntries;
    this.ttlNanos = ttl.toNanos();
  }

  Optional<Snapshot> get(ResourceKind kind, long resourceVersion) {
    expire();
    Key key = new Key(kind, resourceVersion);
    Entry e = entries.get(key);
    if (e == null) {
      return Optional.empty();
    }
    entries.put(key, new Entry(e.snapshot(), System.nanoTime()));
    return Optional.of(e.snapshot());
  }

  void put(Snapshot snapshot) {
    entries.put(new Key(snapshot.kind(), snapshot.resourceVersion()), new Entry(snapshot, System.nanoTime()));
    while (entries.size() > maxEntries) {
      Iterator<Map.Entry<Key, Entry>> eldest = entries.entrySet().iterator();
      eldest.next();
      eldest.remove();
    }
  }

  void clear() {
    entries.clear();
  }

  private void expire() {
    long now = System.nanoTime();
    entries.values().removeIf(e -> now - e.lastUsedNanos() > ttlNanos);
  }
}
