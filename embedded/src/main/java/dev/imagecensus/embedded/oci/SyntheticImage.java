package dev.imagecensus.embedded.oci;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A synthetic image ready to push: every blob, the manifests an index points at, and the manifest the tag names.
 *
 * @param name            a short name for test output ({@code alpine}, {@code multiarch})
 * @param repository      the repository path ({@code synthetic/alpine})
 * @param tag             the tag the top-level manifest is pushed under
 * @param manifest        the tag's manifest: an image manifest, an OCI index or a Docker manifest list
 * @param childManifests  manifests an index refers to, pushed by digest before it
 * @param blobs           configs and layers, each digest once, pushed before any manifest
 * @param expected        what a correct classification says
 * @param deleteAfterPush true for an image whose manifest is deleted after the push (its tag then answers 404)
 */
public record SyntheticImage(String name, String repository, String tag, Blob manifest, List<Blob> childManifests,
                             List<Blob> blobs, Expected expected, boolean deleteAfterPush) {

    public SyntheticImage {
        Objects.requireNonNull(manifest, "manifest");
        childManifests = List.copyOf(childManifests);
        Map<String, Blob> unique = new LinkedHashMap<>();
        blobs.forEach(b -> unique.putIfAbsent(b.digest(), b));
        blobs = List.copyOf(unique.values());
    }

    /** The digest the tag resolves to (the index digest for a multi-platform image). */
    public String digest() {
        return manifest.digest();
    }

    /** {@code host:port/repository:tag}, the reference a pod would carry. */
    public String reference(String registryHost) {
        return registryHost + "/" + repository + ":" + tag;
    }

    /** {@code host:port/repository@digest}. */
    public String digestReference(String registryHost) {
        return registryHost + "/" + repository + "@" + digest();
    }

    /** The compressed bytes of every blob (what a cold inspection could at most download). */
    public long blobBytes() {
        return blobs.stream().mapToLong(Blob::size).sum();
    }
}
