package dev.imagecensus.aggregator.domain;

import java.util.Objects;

/**
 * Per-image state (keyed by canonical reference): its usage joined with its classification (left join: an image
 * in use may not be classified yet, which is normal for its first seconds or while its registry is slow).
 *
 * @param classification null until the enricher has classified the image
 */
public record ImageState(ImageUsage usage, Classification classification) {

    public ImageState {
        Objects.requireNonNull(usage, "usage");
    }

    /** The joiner: usage ⋈ classification. */
    public static ImageState join(ImageUsage usage, Classification classification) {
        return new ImageState(usage, classification);
    }

    public boolean classified() {
        return classification != null;
    }
}
