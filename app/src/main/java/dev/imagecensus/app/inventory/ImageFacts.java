package dev.imagecensus.app.inventory;

/**
 * What is known about one image: the aggregator's (or the enricher's) words for distro, FIPS and existence.
 *
 * @param distro        os-release id, {@code scratch}, {@code none}, {@code unknown} or {@code unclassified}
 * @param distroVersion VERSION_ID when detected, else null
 * @param fips          ENFORCED, CAPABLE, CLAIMED, NOT_DETECTED, UNKNOWN or UNCLASSIFIED
 * @param existence     AVAILABLE, ABSENT, BAD_IMAGE_FORMAT, ... or UNCLASSIFIED
 * @param digest        the registry's digest, null when unknown
 * @param note          why the answer is incomplete (registry error, partial scan, invalid reference), else null
 */
public record ImageFacts(String distro, String distroVersion, String fips, String existence, String digest,
                         String note) {

    public static final String UNCLASSIFIED = "UNCLASSIFIED";

    /** Nothing known: not inspected (one-shot without {@code --classify}) or not classified yet. */
    public static final ImageFacts UNKNOWN = new ImageFacts("unknown", null, UNCLASSIFIED, UNCLASSIFIED, null, null);

    /** A reference that cannot be parsed: never sent to a registry. */
    public static ImageFacts invalid(String reason) {
        return new ImageFacts("unknown", null, "UNKNOWN", "BAD_IMAGE_FORMAT", null, reason);
    }

    /** The seed's "Base OS": the distro, with its version when known ({@code alpine 3.20.3}, {@code scratch}). */
    public String baseOs() {
        return distroVersion == null || distroVersion.isBlank() ? distro : distro + " " + distroVersion;
    }
}
