package dev.imagecensus.embedded.oci;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Content-addressed bytes with their media type: a manifest, a config or a layer as pushed to a registry.
 *
 * @param mediaType the media type a descriptor pointing at it carries
 * @param bytes     the exact bytes (not copied: treat as immutable)
 * @param digest    {@code sha256:<hex>} of {@code bytes}
 */
public record Blob(String mediaType, byte[] bytes, String digest) {

    public Blob {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(digest, "digest");
    }

    /** A blob whose digest is computed from {@code bytes}. */
    public static Blob of(String mediaType, byte[] bytes) {
        return new Blob(mediaType, bytes, sha256(bytes));
    }

    /** A blob of UTF-8 text (JSON manifests and configs). */
    public static Blob of(String mediaType, String text) {
        return of(mediaType, text.getBytes(StandardCharsets.UTF_8));
    }

    public long size() {
        return bytes.length;
    }

    /** {@code sha256:<hex>} of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return mediaType + " " + digest + " (" + bytes.length + " bytes)";
    }
}
