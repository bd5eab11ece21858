package dev.imagecensus.embedded.oci;

import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** How a synthetic layer's tar is compressed, and the media types that say so. */
public enum LayerCompression {
    /** A plain tar. */
    NONE(OciMediaTypes.OCI_LAYER, null),
    /** gzip, the common case; the JDK writes a fixed header (no mtime), so bytes are stable. */
    GZIP(OciMediaTypes.OCI_LAYER_GZIP, OciMediaTypes.DOCKER_LAYER_GZIP),
    /** zstd (pure-Java aircompressor); OCI only, Docker schema 2 has no zstd layer type. */
    ZSTD(OciMediaTypes.OCI_LAYER_ZSTD, null);

    private final String ociMediaType;
    private final String dockerMediaType;

    LayerCompression(String ociMediaType, String dockerMediaType) {
        this.ociMediaType = ociMediaType;
        this.dockerMediaType = dockerMediaType;
    }

    /** The layer media type in an OCI manifest, or in a Docker one when {@code docker} is true. */
    public String mediaType(boolean docker) {
        if (!docker) {
            return ociMediaType;
        }
        if (dockerMediaType == null) {
            throw new IllegalArgumentException("Docker schema 2 has no layer type for " + this);
        }
        return dockerMediaType;
    }

    byte[] compress(byte[] tar) {
        if (this == NONE) {
            return tar;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(tar.length / 2 + 64);
        try (OutputStream compressing = this == GZIP ? new GZIPOutputStream(out) : new ZstdOutputStream(out)) {
            compressing.write(tar);
        } catch (IOException e) {
            throw new UncheckedIOException("compressing in memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
