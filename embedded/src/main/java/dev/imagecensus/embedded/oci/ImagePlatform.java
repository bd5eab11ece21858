package dev.imagecensus.embedded.oci;

import java.util.Objects;

/**
 * The platform of a synthetic image, as in its config and in an index entry.
 *
 * @param variant null when the architecture has none
 */
public record ImagePlatform(String os, String architecture, String variant) {

    public static final ImagePlatform LINUX_AMD64 = new ImagePlatform("linux", "amd64", null);
    public static final ImagePlatform LINUX_ARM64_V8 = new ImagePlatform("linux", "arm64", "v8");
    public static final ImagePlatform LINUX_ARM_V7 = new ImagePlatform("linux", "arm", "v7");
    /** What BuildKit writes for an attestation manifest's index entry. */
    public static final ImagePlatform UNKNOWN = new ImagePlatform("unknown", "unknown", null);

    public ImagePlatform {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(architecture, "architecture");
    }

    /** {@code os/architecture[/variant]}. */
    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}
