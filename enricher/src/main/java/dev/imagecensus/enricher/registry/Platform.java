package dev.imagecensus.enricher.registry;

import java.util.Objects;

/**
 * The platform of an index entry or an image config.
 *
 * @param variant   null when absent ({@code v8}, {@code v7})
 * @param osVersion null when absent (Windows images carry one)
 */
public record Platform(String os, String architecture, String variant, String osVersion) {

    public Platform {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(architecture, "architecture");
        variant = blankToNull(variant);
        osVersion = blankToNull(osVersion);
    }

    public static Platform of(String os, String architecture, String variant) {
        return new Platform(os, architecture, variant, null);
    }

    /** BuildKit's attestation manifests and other non-runnable entries say {@code unknown/unknown}. */
    public boolean isUnknown() {
        return "unknown".equals(os) || "unknown".equals(architecture);
    }

    /** {@code os/architecture[/variant]}. */
    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
