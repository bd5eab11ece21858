package dev.imagecensus.enricher.registry;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** Content digests ({@code sha256:<64 hex>}, {@code sha512:<128 hex>}): validation and computation. */
final class Digests {

    private static final Pattern SHA256 = Pattern.compile("sha256:[a-f0-9]{64}");
    private static final Pattern SHA512 = Pattern.compile("sha512:[a-f0-9]{128}");

    private Digests() {
    }

    /** True for a digest we can verify. */
    static boolean isValid(String digest) {
        return digest != null && (SHA256.matcher(digest).matches() || SHA512.matcher(digest).matches());
    }

    /** A fresh hasher for the algorithm of {@code digest} (sha256 when it names none we know). */
    static MessageDigest hasherFor(String digest) {
        String algorithm = digest != null && digest.startsWith("sha512:") ? "SHA-512" : "SHA-256";
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    /** {@code <algorithm>:<hex>} of what {@code hasher} has seen. */
    static String format(MessageDigest hasher) {
        String algorithm = hasher.getAlgorithm().replace("-", "").toLowerCase(Locale.ROOT);
        return algorithm + ":" + HexFormat.of().formatHex(hasher.digest());
    }

    /** The digest of {@code bytes} in the algorithm of {@code like}. */
    static String of(byte[] bytes, String like) {
        MessageDigest hasher = hasherFor(like);
        hasher.update(bytes);
        return format(hasher);
    }
}
