/**
 * Compact projections of the Kubernetes objects the watcher needs: plain records, no client-java types, so the
 * decision logic is testable without a cluster and a 150k-pod cache stays small.
 */
package dev.imagecensus.watcher.model;
