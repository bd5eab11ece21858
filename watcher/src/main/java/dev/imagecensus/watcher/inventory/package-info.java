/**
 * The watcher's decisions as plain Java: which containers count, which top-level workload owns a pod, and which
 * ADDED/UPDATED/DELETED events turn the last published state into the current one. No Kafka or Kubernetes
 * client types: adapters feed {@link dev.imagecensus.watcher.inventory.Signal}s in and publish the
 * {@link dev.imagecensus.watcher.inventory.Change}s that come out.
 */
package dev.imagecensus.watcher.inventory;
