package dev.imagecensus.aggregator.http;

import dev.imagecensus.aggregator.domain.Classification;
import dev.imagecensus.aggregator.domain.ImageFacets;
import dev.imagecensus.aggregator.domain.ImageState;
import dev.imagecensus.aggregator.domain.ImageUsage;
import dev.imagecensus.schemas.reference.ImageReference;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One image in use as {@code /api/images} shows it: where it runs, what it is, whether it can still be pulled.
 *
 * @param image           canonical reference (the key)
 * @param familiar        Docker's short form ({@code nginx:1.27})
 * @param tag             the reference's tag, null for a digest-only reference
 * @param referenceDigest the digest written in the reference, if any
 * @param namespaces      live containers per namespace
 * @param runningDigests  live containers per digest the runtime reported
 * @param availability    existence state (AVAILABLE, ABSENT, ...) or UNCLASSIFIED
 * @param digest          the registry's digest for the reference, else the written one, else a running one
 * @param distro          os-release id, {@code scratch}, {@code none}, {@code unknown} or {@code unclassified}
 * @param fips            ENFORCED, CAPABLE, CLAIMED, NOT_DETECTED, UNKNOWN or UNCLASSIFIED
 * @param fipsEnabled     whether the image counts as FIPS-enabled (ENFORCED or CAPABLE)
 * @param fipsNote        the host-kernel caveat: an image alone does not make a process run in FIPS mode
 */
public record ImageView(String image, String familiar, String registry, String repository, String tag,
                        String referenceDigest, int containers, Map<String, Integer> namespaces,
                        Map<String, Integer> runningDigests, String firstSeen, boolean classified,
                        String availability, String existenceCheckedAt, String digest, String os,
                        String architecture, String distro, String distroVersion, String distroName,
                        String fips, boolean fipsEnabled, String fipsEvidence, String fipsNote, boolean partial) {

    /** The view of {@code state}, the value of {@code image} in {@code image-state}. */
    public static ImageView of(String image, ImageState state) {
        ImageUsage usage = state.usage();
        Classification c = state.classification();
        Optional<ImageReference> ref = ImageFacets.reference(image);
        return new ImageView(image, ImageFacets.familiar(image),
                ref.map(ImageReference::registry).orElse(null), ref.map(ImageReference::repository).orElse(image),
                ref.flatMap(ImageReference::tag).orElse(null), ref.flatMap(ImageReference::digest).orElse(null),
                usage.containers(), usage.namespaces(), usage.digests(), instant(usage.firstSeen()), c != null,
                ImageFacets.availability(c), c == null ? null : instant(c.existenceCheckedAt()),
                ImageFacets.digest(image, state), nullIfBlank(ImageFacets.os(c)),
                nullIfBlank(ImageFacets.architecture(c)), ImageFacets.distro(c),
                nullIfBlank(ImageFacets.distroVersion(c)), c == null ? null : c.distroName(),
                ImageFacets.fips(c), c != null && c.fips().enabled(), c == null ? null : c.fipsEvidence(),
                ImageFacets.FIPS_RUNTIME_NOTE, c != null && c.partial());
    }

    private static String instant(long millis) {
        return millis <= 0 ? null : Instant.ofEpochMilli(millis).toString();
    }

    private static String nullIfBlank(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
