/**
 * The watcher service: Kubernetes pods (with their ReplicaSets and Jobs) → exact ADDED/UPDATED/DELETED events on
 * {@code image-events}. Start it with {@link dev.imagecensus.watcher.Watcher#start(WatcherConfig)}.
 */
package dev.imagecensus.watcher;
