/**
 * Kubernetes adapters: the official client's {@code ApiClient} for connection and authentication, our own paged
 * lister and watcher, and lenient decoding of raw JSON into the compact projections of
 * {@link dev.imagecensus.watcher.model}. client-java's generated models never see a response body, so fields added
 * by newer clusters cannot break the watch.
 */
package dev.imagecensus.watcher.kube;
