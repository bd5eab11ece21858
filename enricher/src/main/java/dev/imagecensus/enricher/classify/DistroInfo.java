package dev.imagecensus.enricher.classify;

import java.util.Objects;

/**
 * The distribution an image is built on (maps to the Avro {@code Distro}).
 *
 * @param id      os-release ID ({@code alpine}, {@code debian}, {@code rhel}, {@code busybox}, ...)
 * @param version os-release VERSION_ID or the release file's version, null when unknown
 * @param name    os-release PRETTY_NAME or the release file's line, null when unknown
 * @param family  the first ID_LIKE, else the id
 * @param variant {@code distroless}, VARIANT_ID, ...; null when none
 * @param source  the file it was read from, as looked up ({@code etc/os-release}, {@code bin/busybox})
 */
public record DistroInfo(String id, String version, String name, String family, String variant, String source) {

    public DistroInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
    }
}
