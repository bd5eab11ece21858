/**
 * A small OCI Distribution client on {@code java.net.http}: {@link dev.imagecensus.enricher.registry.RegistryClient}
 * (manifests with every manifest type accepted, HEAD re-checks, config blobs, layers streamed through gzip/zstd
 * and tar without touching the disk), {@link dev.imagecensus.enricher.registry.ImageInspector} (one image within
 * its time budget), auth (anonymous, basic, bearer tokens cached per credentials, Docker config.json and credential
 * helpers), politeness (per-registry concurrency cap, token bucket, Retry-After, jittered backoff) and bounds.
 * Outcomes are {@link dev.imagecensus.enricher.registry.RegistryResult}s mapping to the seven existence states;
 * nothing a registry does makes it throw.
 */
package dev.imagecensus.enricher.registry;
