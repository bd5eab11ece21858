package dev.imagecensus.aggregator.domain;

import dev.imagecensus.schemas.avro.ImageInventory;
import dev.imagecensus.schemas.reference.ImageReference;
import dev.imagecensus.schemas.reference.ReferenceParseResult;
import java.time.Instant;

/** Builds the flat warehouse row of {@code image-inventory} from per-image state. */
public final class InventoryRows {

    private InventoryRows() {
    }

    /**
     * The row for {@code image}'s {@code state}, or null (a tombstone) when no container uses the image any more.
     *
     * @param image     canonical reference, the key
     * @param updatedAt time of the change that produced this state (epoch millis)
     */
    public static ImageInventory row(String image, ImageState state, long updatedAt) {
        if (state == null || !state.usage().inUse()) {
            return null;
        }
        ImageUsage usage = state.usage();
        ImageInventory.Builder row = ImageInventory.newBuilder()
                .setImage(image)
                .setContainers(usage.containers())
                .setNamespaces(String.join(",", usage.namespaces().keySet()))
                .setRunningDigests(String.join(",", usage.digests().keySet()))
                .setFirstSeen(Instant.ofEpochMilli(usage.firstSeen()))
                .setUpdatedAt(Instant.ofEpochMilli(updatedAt));
        name(row, image);
        classification(row, state.classification());
        return row.build();
    }

    private static void name(ImageInventory.Builder row, String image) {
        if (ImageReference.tryParse(image) instanceof ReferenceParseResult.Valid valid) {
            ImageReference ref = valid.reference();
            row.setRegistry(ref.registry()).setRepository(ref.repository())
                    .setTag(ref.tag().orElse(null)).setDigest(ref.digest().orElse(null));
        } else {
            // Keys are canonical references; keep a row rather than fail if one ever is not.
            row.setRegistry("").setRepository(image).setTag(null).setDigest(null);
        }
    }

    private static void classification(ImageInventory.Builder row, Classification c) {
        if (c == null) {
            row.setClassified(false).setPartial(false);
            return;
        }
        row.setClassified(true)
                .setExistence(c.existence())
                .setOs(c.os())
                .setArchitecture(c.architecture())
                .setDistroStatus(c.distroStatus())
                .setDistroId(c.distroId())
                .setDistroVersion(c.distroVersion())
                .setDistroName(c.distroName())
                .setFips(c.fips().name())
                .setFipsEvidence(c.fipsEvidence())
                .setPartial(c.partial());
    }
}
