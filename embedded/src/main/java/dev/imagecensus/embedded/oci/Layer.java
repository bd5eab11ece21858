package dev.imagecensus.embedded.oci;

import java.util.Objects;

/**
 * One built layer.
 *
 * @param blob        the (possibly compressed) tar as pushed; its media type is the OCI one for its compression
 * @param diffId      {@code sha256:} of the uncompressed tar, for the config's {@code rootfs.diff_ids}
 * @param compression how {@code blob} is compressed
 */
public record Layer(Blob blob, String diffId, LayerCompression compression) {

    public Layer {
        Objects.requireNonNull(blob, "blob");
        Objects.requireNonNull(diffId, "diffId");
        Objects.requireNonNull(compression, "compression");
    }

    /** The same bytes under the media type of a Docker schema 2 or an OCI manifest. */
    public Blob blobFor(boolean docker) {
        return new Blob(compression.mediaType(docker), blob.bytes(), blob.digest());
    }
}
