package dev.imagecensus.aggregator.topology;

import dev.imagecensus.aggregator.domain.ImageStatus;

/**
 * What the FIPS roll-up consumes, on one topic: a container change (sent to its namespace's partition) or an
 * image's classification status (sent to every partition, so each roll-up task can classify its containers
 * locally). Exactly one of {@code container} and {@code image} is set; {@code status} null means the image's
 * classification was withdrawn.
 */
record RollupInput(ContainerChange container, String image, ImageStatus status) {

    RollupInput {
        if ((container == null) == (image == null)) {
            throw new IllegalArgumentException("a roll-up input is either a container change or an image status");
        }
    }

    static RollupInput of(ContainerChange change) {
        return new RollupInput(change, null, null);
    }

    static RollupInput of(String image, ImageStatus status) {
        return new RollupInput(null, image, status);
    }
}
