package dev.imagecensus.fakeapi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Bounded history of one kind's events, oldest first, like the API server's watch cache. When
 * full, the oldest event is dropped and watches that still needed it get 410 Gone. Not
 * thread-safe: {@link FakeCluster} guards it with its lock.
 */
final class EventLog {

  private final int capacity;
  private final ArrayDeque<WatchEvent> events = new ArrayDeque<>();
  /** resourceVersion of the newest dropped event: a watch from an older one missed events. */
  private long droppedUpTo;

  EventLog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("history size must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  void append(WatchEvent event) {
    if (events.size() == capacity) {
      droppedUpTo = events.removeFirst().resourceVersion();
    }
    events.addLast(event);
  }

  /** Forgets everything up to {@code resourceVersion}, as an etcd compaction would. */
  void compact(long resourceVersion) {
    events.clear();
    droppedUpTo = Math.max(droppedUpTo, resourceVersion);
  }

  /** The oldest resourceVersion a watch may resume from. */
  long oldestResumable() {
    return droppedUpTo;
  }

  long newest() {
    return events.isEmpty() ? droppedUpTo : events.getLast().resourceVersion();
  }

  /** Events after {@code resourceVersion}, oldest first; walks back from the newest (callers are usually near it). */
  List<WatchEvent> after(long resourceVersion) {
    if (newest() <= resourceVersion) {
      return List.of();
    }
    List<WatchEvent> result = new ArrayList<>();
    for (Iterator<WatchEvent> it = events.descendingIterator(); it.hasNext(); ) {
      WatchEvent e = it.next();
      if (e.resourceVersion() <= resourceVersion) {
        break;
      }
      result.add(e);
    }
    Collections.reverse(result);
    return result;
  }
}
