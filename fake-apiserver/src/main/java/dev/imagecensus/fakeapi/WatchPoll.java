package dev.imagecensus.fakeapi;

import java.util.List;

/**
 * One answer of {@link FakeCluster#poll}.
 *
 * @param events events to send, oldest first
 * @param cursor the resourceVersion the watch has reached once they are sent
 * @param goneBelow when non-zero, the watch is too old: history only reaches back to this resourceVersion
 */
record WatchPoll(List<WatchEvent> events, long cursor, long goneBelow) {

  boolean gone() {
    return goneBelow != 0;
  }
}
