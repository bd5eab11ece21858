package dev.imagecensus.fakeapi;

/**
 * All objects of one kind at one resourceVersion, sorted by {@link StoredObject#key()}: what a
 * paged list reads from, so every page of one list is consistent.
 */
record Snapshot(ResourceKind kind, long resourceVersion, StoredObject[] items) {

  /** Index of the first item whose key is {@code >= key}. */
  int lowerBound(String key) {
    int lo = 0;
    int hi = items.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (items[mid].key().compareTo(key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
