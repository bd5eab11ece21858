package dev.imagecensus.enricher.registry;

/**
 * What a HEAD on a manifest tells: it exists, its digest ({@code Docker-Content-Digest}, null if the registry
 * did not send one), its media type and size as announced.
 */
public record ManifestHead(String digest, String mediaType, long size) {
}
