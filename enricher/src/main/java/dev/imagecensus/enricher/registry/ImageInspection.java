package dev.imagecensus.enricher.registry;

import java.util.List;

/**
 * Everything read from a registry about one image reference.
 *
 * @param manifest      what the reference resolved to (an index for multi-platform images); its digest is the
 *                      reference's digest
 * @param image         the image manifest inspected (the chosen platform's for an index)
 * @param platforms     every platform offered, attestations dropped
 * @param config        the inspected image's config
 * @param layers        one entry per layer visited so far, bottom first; skipped layers have a null scan
 * @param partialReason null when every layer was read or skipped as wanted; else why the inspection is partial
 */
public record ImageInspection(Manifest manifest, Manifest.Image image, List<Platform> platforms, ImageConfig config,
                              List<LayerRead> layers, String partialReason) {

    /** A layer of the inspection: its descriptor and scan (null when skipped or not fetched). */
    public record LayerRead(Descriptor layer, LayerScan scan) {
    }

    public ImageInspection {
        platforms = List.copyOf(platforms);
        layers = List.copyOf(layers);
    }

    public boolean isPartial() {
        return partialReason != null;
    }

    /** Compressed bytes downloaded for layers. */
    public long layerBytes() {
        return layers.stream().filter(l -> l.scan() != null).mapToLong(l -> l.scan().compressedBytes()).sum();
    }
}
