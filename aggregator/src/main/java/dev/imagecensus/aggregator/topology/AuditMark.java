package dev.imagecensus.aggregator.topology;

/**
 * What the audit store keeps per image while it is in use: that ENTERED was emitted, and when. Its presence,
 * not this process's memory, decides whether the next change is a transition.
 */
record AuditMark(long enteredAt) {
}
