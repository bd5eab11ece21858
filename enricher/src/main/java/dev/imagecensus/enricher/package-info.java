/**
 * The enricher service: {@code image-events} → registry inspection → {@code image-classifications}.
 * {@link dev.imagecensus.enricher.Enricher} is the composition root, configured by
 * {@link dev.imagecensus.enricher.EnricherConfig} (Kafka side) and {@link dev.imagecensus.enricher.RegistrySettings}
 * (registry side). Packages: {@code classify} (pure classification), {@code registry} (OCI Distribution client),
 * {@code inspect} (the two joined, with the layer cache), {@code stream} (topology and inspection executor),
 * {@code http} (health, readiness, metrics).
 */
package dev.imagecensus.enricher;
