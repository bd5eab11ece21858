package dev.imagecensus.enricher.classify;

import java.util.Locale;
import java.util.Objects;

/**
 * An OCI platform: os, architecture and optional variant (maps to the Avro {@code Platform}).
 *
 * @param os           {@code linux}, {@code windows}, ...
 * @param architecture {@code amd64}, {@code arm64}, {@code arm}, ...
 * @param variant      {@code v7}, {@code v8}, ...; null when none
 */
public record PlatformSpec(String os, String architecture, String variant) {

    /** The platform inspected when none is requested. */
    public static final PlatformSpec LINUX_AMD64 = new PlatformSpec("linux", "amd64", null);

    public PlatformSpec {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(architecture, "architecture");
        variant = variant == null || variant.isBlank() ? null : variant;
    }

    /** Parses {@code os/arch[/variant]}. */
    public static PlatformSpec parse(String text) {
        String[] parts = text.split("/", 3);
        if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("platform must be os/arch[/variant]: " + text);
        }
        return new PlatformSpec(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    /**
     * containerd's normalisation: {@code aarch64 → arm64} (variant v8 is the default and dropped),
     * {@code x86_64 → amd64} (v1 dropped), {@code arm} without variant is {@code v7}, {@code armhf → arm/v7},
     * {@code armel → arm/v6}; names lower-cased.
     */
    public PlatformSpec normalized() {
        String o = os.toLowerCase(Locale.ROOT);
        String a = architecture.toLowerCase(Locale.ROOT);
        String v = variant == null ? null : variant.toLowerCase(Locale.ROOT);
        switch (a) {
            case "aarch64", "arm64" -> {
                a = "arm64";
                v = v == null || v.equals("8") || v.equals("v8") || v.equals("v8.0") ? null : v;
            }
            case "x86_64", "x86-64", "amd64" -> {
                a = "amd64";
                v = "v1".equals(v) ? null : v;
            }
            case "armhf" -> {
                a = "arm";
                v = "v7";
            }
            case "armel" -> {
                a = "arm";
                v = "v6";
            }
            case "arm" -> v = v == null ? "v7" : (v.startsWith("v") ? v : "v" + v);
            case "i386", "i686" -> a = "386";
            default -> { }
        }
        return new PlatformSpec(o, a, v);
    }

    /** True for Windows images, which skip the Linux probes. */
    public boolean isWindows() {
        return os.equalsIgnoreCase("windows");
    }

    /** {@code os/arch[/variant]}. */
    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}
