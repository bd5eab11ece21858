package dev.imagecensus.enricher.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A user name and secret (password or access token) for one registry. {@link #toString()} never shows the
 * secret.
 */
public record Credentials(String username, String secret) {

    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
    }

    /** {@code Basic base64(user:secret)}. */
    String basicHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A one-way identity for cache keys: tokens are cached per fingerprint, so a client holding other (or wrong)
     * credentials can never be handed a token obtained with these.
     */
    String fingerprint() {
        byte[] hash = Digests.hasherFor("sha256:").digest((username + "\0" + secret).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash, 0, 16);
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", secret=****]";
    }
}
