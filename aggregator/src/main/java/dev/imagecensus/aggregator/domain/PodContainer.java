package dev.imagecensus.aggregator.domain;

/**
 * What a pod's FIPS roll-up keeps of one container: the pod instance it belongs to, its image and what the image's
 * classification says. Not the whole {@link LiveContainer}: a digest arriving or a new observation time changes
 * nothing here, so such updates leave the pod and its workload untouched.
 *
 * @param imageRef  canonical reference, null when the written image is not a valid reference
 * @param image     the reference to show: canonical when valid, as written otherwise
 * @param existence the image's existence state, null while unclassified
 */
public record PodContainer(String podUid, String imageRef, String image, boolean classified, String existence,
                           Fips fips) {

    public PodContainer {
        fips = fips == null ? Fips.UNKNOWN : fips;
    }

    /** Container {@code c} with its image classified as {@code status} (null: not classified, or an invalid reference). */
    public static PodContainer of(LiveContainer c, ImageStatus status) {
        return new PodContainer(c.podUid(), c.imageRef(), c.displayImage(), false, null, Fips.UNKNOWN).classifiedAs(status);
    }

    /** The same container with its image classified as {@code status} (null: no longer classified). */
    public PodContainer classifiedAs(ImageStatus status) {
        return status == null
                ? new PodContainer(podUid, imageRef, image, false, null, Fips.UNKNOWN)
                : new PodContainer(podUid, imageRef, image, true, status.existence(), status.fips());
    }

    /** FIPS as the pod roll-up sees it: unclassified containers are UNKNOWN. */
    public Fips effectiveFips() {
        return classified ? fips : Fips.UNKNOWN;
    }
}
