package dev.imagecensus.aggregator.domain;

import dev.imagecensus.schemas.reference.ImageReference;
import dev.imagecensus.schemas.reference.ReferenceParseResult;
import java.util.Optional;

/**
 * The few words metrics labels, API filters and the page use to describe an image in use, derived the same way
 * everywhere from its {@link ImageState}. Bounded vocabularies: distro ids, FIPS statuses, existence states, and
 * {@value #UNCLASSIFIED} / {@code unclassified} while the enricher has not answered yet.
 */
public final class ImageFacets {

    /** FIPS status and availability of an image not classified yet. */
    public static final String UNCLASSIFIED = "UNCLASSIFIED";
    /** The runtime caveat every FIPS answer carries: an image can only be FIPS-capable, the host decides the mode. */
    public static final String FIPS_RUNTIME_NOTE = "FIPS status describes the image only: running in FIPS mode also"
            + " needs a FIPS-enabled host kernel (fips=1, /proc/sys/crypto/fips_enabled = 1), which image-census"
            + " does not observe.";

    private ImageFacets() {
    }

    /**
     * The distro label: the os-release id when detected ({@code alpine}, {@code debian}, ...), {@code scratch} when
     * no layer holds an identity file, {@code none} for non-Linux images, {@code unknown} when the scan was
     * incomplete, {@code unclassified} before the enricher answered.
     */
    public static String distro(Classification c) {
        if (c == null) {
            return "unclassified";
        }
        String status = c.distroStatus() == null ? "UNKNOWN" : c.distroStatus();
        return switch (status) {
            case "DETECTED" -> c.distroId() == null || c.distroId().isBlank() ? "unknown" : c.distroId();
            case "SCRATCH" -> "scratch";
            case "NOT_APPLICABLE" -> "none";
            default -> "unknown";
        };
    }

    /** The distro's VERSION_ID when detected, else empty. */
    public static String distroVersion(Classification c) {
        return c != null && "DETECTED".equals(c.distroStatus()) && c.distroVersion() != null ? c.distroVersion() : "";
    }

    /** {@link Fips} name, or {@value #UNCLASSIFIED}. */
    public static String fips(Classification c) {
        return c == null ? UNCLASSIFIED : c.fips().name();
    }

    /** Existence state (AVAILABLE, ABSENT, ...), or {@value #UNCLASSIFIED}. */
    public static String availability(Classification c) {
        if (c == null) {
            return UNCLASSIFIED;
        }
        return c.existence() == null ? "UNKNOWN_ERROR" : c.existence();
    }

    public static String os(Classification c) {
        return c == null || c.os() == null ? "" : c.os();
    }

    public static String architecture(Classification c) {
        return c == null || c.architecture() == null ? "" : c.architecture();
    }

    /**
     * The image's digest: what its registry resolved it to, else the digest written in the reference, else the
     * first running digest the runtime reported, else empty.
     */
    public static String digest(String image, ImageState state) {
        Classification c = state == null ? null : state.classification();
        if (c != null && c.manifestDigest() != null) {
            return c.manifestDigest();
        }
        Optional<String> written = reference(image).flatMap(ImageReference::digest);
        if (written.isPresent()) {
            return written.get();
        }
        return state == null || state.usage().digests().isEmpty() ? "" : state.usage().digests().firstKey();
    }

    /** Docker's short form ({@code nginx:1.27}) of a canonical reference; anything unparsable as it is. */
    public static String familiar(String image) {
        return reference(image).map(ImageReference::familiar).orElse(image);
    }

    /** The parsed reference, empty when {@code image} is not a valid one. */
    public static Optional<ImageReference> reference(String image) {
        return image != null && ImageReference.tryParse(image) instanceof ReferenceParseResult.Valid valid
                ? Optional.of(valid.reference())
                : Optional.empty();
    }
}
