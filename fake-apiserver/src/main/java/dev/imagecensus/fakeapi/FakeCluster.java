package dev.imagecensus.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.imagecensus.fakeapi.ClusterState.Mode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The simulated cluster: objects kept as pre-serialised JSON, one global monotonically increasing
 * resourceVersion (like etcd's revision), a bounded event history per kind and recent list
 * snapshots. Thread-safe. {@link FakeApiServer} serves it over HTTP; tests, the demo and the
 * benchmarks change it through this Java API.
 *
 * <p>Writes are last-writer-wins: an incoming {@code metadata.resourceVersion} is ignored, not
 * checked. Namespaces are not enforced: a pod may live in a namespace that does not exist.
 */
public final class FakeCluster {

  /** Events kept per kind before watches resuming from older resourceVersions get 410 Gone. */
  public static final int DEFAULT_HISTORY_SIZE = 10_000;
  private static final int SEED_CHUNK = 1024;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ClusterState state;
  private boolean paused;

  public FakeCluster() {
    this(DEFAULT_HISTORY_SIZE);
  }

  /** @param historySize events kept per kind for watches to resume from */
  public FakeCluster(int historySize) {
    this.state = new ClusterState(historySize);
  }

  /** Creates an object; fails with {@link IllegalStateException} if it exists. Returns it as stored. */
  public ObjectNode create(ResourceKind kind, String json) {
    return create(kind, ObjectCodec.parse(json));
  }

  /** Creates an object (the argument is copied, not changed). Returns it as stored. */
  public ObjectNode create(ResourceKind kind, JsonNode json) {
    return ObjectCodec.toTree(write(kind, ObjectCodec.asObject(json).deepCopy(), Mode.CREATE));
  }

  /** Replaces an object; fails with {@link NoSuchElementException} if it does not exist. */
  public ObjectNode update(ResourceKind kind, String json) {
    return update(kind, ObjectCodec.parse(json));
  }

  /** Replaces an object (the argument is copied, not changed). Returns it as stored. */
  public ObjectNode update(ResourceKind kind, JsonNode json) {
    return ObjectCodec.toTree(write(kind, ObjectCodec.asObject(json).deepCopy(), Mode.UPDATE));
  }

  /** Creates or replaces an object. Returns it as stored. */
  public ObjectNode apply(ResourceKind kind, String json) {
    return ObjectCodec.toTree(write(kind, ObjectCodec.parse(json), Mode.APPLY));
  }

  /** Deletes an object ({@code namespace} is ignored for cluster-scoped kinds); returns its last state. */
  public Optional<ObjectNode> delete(ResourceKind kind, String namespace, String name) {
    StoredObject deleted = locked(() -> {
      StoredObject d = state.delete(kind, namespace, name);
      changed.signalAll();
      return d;
    });
    return Optional.ofNullable(deleted).map(ObjectCodec::toTree);
  }

  public Optional<ObjectNode> get(ResourceKind kind, String namespace, String name) {
    return stored(kind, namespace, name).map(ObjectCodec::toTree);
  }

  /** Every object of a kind in the API server's order: by the key {@code namespace/name}. */
  public List<ObjectNode> list(ResourceKind kind) {
    List<ObjectNode> result = new ArrayList<>();
    for (StoredObject o : snapshot(kind).items()) {
      result.add(ObjectCodec.toTree(o));
    }
    return result;
  }

  public int count(ResourceKind kind) {
    return locked(() -> state.count(kind));
  }

  /**
   * Creates or replaces many objects given as pre-serialised JSON, each with its own
   * resourceVersion and event; parses outside the lock, in chunks. Returns how many were stored.
   */
  public int seed(ResourceKind kind, Iterable<byte[]> jsonObjects) {
    int count = 0;
    Iterator<byte[]> it = jsonObjects.iterator();
    List<ObjectNode> chunk = new ArrayList<>(SEED_CHUNK);
    while (it.hasNext()) {
      chunk.clear();
      while (it.hasNext() && chunk.size() < SEED_CHUNK) {
        chunk.add(ObjectCodec.parse(it.next()));
      }
      locked(() -> {
        chunk.forEach(obj -> state.write(kind, obj, Mode.APPLY));
        changed.signalAll();
        return null;
      });
      count += chunk.size();
    }
    return count;
  }

  /** The newest resourceVersion (that of the last change). */
  public long resourceVersion() {
    return locked(state::resourceVersion);
  }

  /**
   * Forgets the event history and list snapshots, as an etcd compaction would, and moves the
   * resourceVersion on by one: every watch, open or resuming, then gets 410 Gone (an ERROR event)
   * and its client relists; outstanding continue tokens get 410 too.
   */
  public void expireHistory() {
    locked(() -> {
      state.compact();
      changed.signalAll();
      return null;
    });
  }

  /** Holds back watch events (open and new watches stay connected but silent) until {@link #resumeWatches()}. */
  public void pauseWatches() {
    setPaused(true);
  }

  public void resumeWatches() {
    setPaused(false);
  }

  /**
   * Makes every watcher miss {@code missedChanges}: with watches paused, runs the changes, expires
   * the history and resumes. Each watch gets 410 Gone, so its client relists and learns of the
   * changes only from the new list (vanished objects come as deletes whose final state is unknown).
   */
  public void forceGone(Runnable missedChanges) {
    pauseWatches();
    try {
      missedChanges.run();
    } finally {
      expireHistory();
      resumeWatches();
    }
  }

  Optional<StoredObject> stored(ResourceKind kind, String namespace, String name) {
    return Optional.ofNullable(locked(() -> state.get(kind, namespace, name)));
  }

  /** A consistent snapshot of one kind at the current resourceVersion (cached for continue tokens). */
  Snapshot snapshot(ResourceKind kind) {
    return locked(() -> state.snapshot(kind));
  }

  /** The snapshot a continue token refers to, unless it has expired. */
  Optional<Snapshot> snapshotAt(ResourceKind kind, long resourceVersion) {
    return locked(() -> state.snapshotAt(kind, resourceVersion));
  }

  /**
   * What a watch at {@code cursor} should send next. Blocks until there are events after the
   * cursor, the deadline passes or {@code closed} turns true (signalled by {@link #wakeWatchers()}).
   */
  WatchPoll poll(ResourceKind kind, long cursor, long deadlineNanos, BooleanSupplier closed)
      throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (!closed.getAsBoolean()) {
        if (!paused) {
          long oldest = state.oldestResumable(kind);
          if (cursor < oldest) {
            return new WatchPoll(List.of(), cursor, oldest);
          }
          List<WatchEvent> events = state.eventsAfter(kind, cursor);
          if (!events.isEmpty()) {
            return new WatchPoll(events, state.resourceVersion(), 0);
          }
        }
        long wait = deadlineNanos - System.nanoTime();
        if (wait <= 0) {
          // Nothing of this kind happened up to now, so the cursor may move to the newest revision.
          return new WatchPoll(List.of(), paused ? cursor : state.resourceVersion(), 0);
        }
        changed.awaitNanos(wait);
      }
      return new WatchPoll(List.of(), cursor, 0);
    } finally {
      lock.unlock();
    }
  }

  void wakeWatchers() {
    locked(() -> {
      changed.signalAll();
      return null;
    });
  }

  /** Waits until the cluster reaches {@code rv}; false if it did not within {@code timeout}. */
  boolean awaitResourceVersion(long rv, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lockInterruptibly();
    try {
      while (state.resourceVersion() < rv) {
        long wait = deadline - System.nanoTime();
        if (wait <= 0) {
          return false;
        }
        changed.awaitNanos(wait);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  private StoredObject write(ResourceKind kind, ObjectNode obj, Mode mode) {
    return locked(() -> {
      StoredObject stored = state.write(kind, obj, mode);
      changed.signalAll();
      return stored;
    });
  }

  private void setPaused(boolean value) {
    locked(() -> {
      paused = value;
      changed.signalAll();
      return null;
    });
  }

  private <T> T locked(Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }
}
