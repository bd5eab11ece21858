package dev.imagecensus.fakeapi;

/**
 * A change as kept in the event history.
 *
 * @param type ADDED, MODIFIED or DELETED
 * @param object the object after the change (for DELETED: its last state, at the deletion's resourceVersion)
 * @param previous the object before a MODIFIED, so selector-filtered watches can turn it into ADDED or DELETED
 */
record WatchEvent(Type type, StoredObject object, StoredObject previous) {

  /** Event types as they appear on the wire. */
  enum Type { ADDED, MODIFIED, DELETED }

  long resourceVersion() {
    return object.resourceVersion();
  }
}
