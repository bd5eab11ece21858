package dev.imagecensus.enricher.registry;

import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.reference.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one image within its time budget ({@link Limits#imageTimeout()}): manifest, platform choice for an index,
 * config, then the layers bottom-up through a {@link LayerVisitor}. A failure before the layers is the answer
 * (ABSENT, BAD_IMAGE_FORMAT, ...); trouble from the first layer on gives a Found inspection marked partial.
 * Non-Linux images (Windows) get no layer reads: Linux probes mean nothing there.
 */
public final class ImageInspector {

    private final RegistryClient client;
    private final PlatformSelector selector;

    public ImageInspector(RegistryClient client, PlatformSelector selector) {
        this.client = client;
        this.selector = selector;
    }

    public RegistryResult<ImageInspection> inspect(ImageReference reference, LayerVisitor visitor) {
        Deadline deadline = Deadline.after(client.config().limits().imageTimeout());
        String ref = reference.digest().orElse(reference.tag().orElse(ImageReference.DEFAULT_TAG));
        return client.manifest(reference, ref, deadline)
                .flatMap(top -> chosen(reference, top, deadline)
                        .flatMap(image -> client.config(reference, image.config(), deadline)
                                .map(config -> layers(reference, top, image, config, visitor, deadline))));
    }

    private RegistryResult<Manifest.Image> chosen(ImageReference reference, Manifest top, Deadline deadline) {
        if (top instanceof Manifest.Image image) {
            return RegistryResult.found(image);
        }
        Manifest.Index index = (Manifest.Index) top;
        Optional<Descriptor> choice = selector.select(index);
        if (choice.isEmpty()) {
            return RegistryResult.failed(Existence.BAD_IMAGE_FORMAT, "index offers no runnable image");
        }
        return client.manifest(reference, choice.get().digest(), deadline).flatMap(child -> child instanceof Manifest.Image image
                ? RegistryResult.found(image)
                : RegistryResult.failed(Existence.BAD_IMAGE_FORMAT, "index entry " + choice.get().digest() + " is not an image manifest"));
    }

    private ImageInspection layers(ImageReference reference, Manifest top, Manifest.Image image, ImageConfig config,
                                   LayerVisitor visitor, Deadline deadline) {
        List<Platform> platforms = top instanceof Manifest.Index index ? index.platforms() : List.of(config.platform());
        List<ImageInspection.LayerRead> reads = new ArrayList<>();
        if (!"linux".equals(config.os())) {
            return new ImageInspection(top, image, platforms, config, reads, null);
        }
        String partial = null;
        for (Descriptor layer : image.layers()) {
            if (deadline.expired()) {
                partial = "time budget exhausted before layer " + layer.digest();
                break;
            }
            LayerEntryHandler handler = visitor.open(layer);
            if (handler == null) {
                reads.add(new ImageInspection.LayerRead(layer, null));
                continue;
            }
            RegistryResult<LayerScan> result = client.readLayer(reference, layer, visitor.wantsContent(), handler, deadline);
            if (result instanceof RegistryResult.Failed<LayerScan> failed) {
                visitor.closed(layer, null);
                reads.add(new ImageInspection.LayerRead(layer, null));
                partial = "layer " + layer.digest() + ": " + failed.existence() + " " + failed.detail();
                break;
            }
            LayerScan scan = result.orElseThrow();
            visitor.closed(layer, scan);
            reads.add(new ImageInspection.LayerRead(layer, scan));
            if (scan.isPartial()) {
                // A hole in one layer makes the merged view unreliable: stop spending on the rest.
                partial = "layer " + layer.digest() + ": " + scan.partialReason() + " " + scan.detail();
                break;
            }
        }
        return new ImageInspection(top, image, platforms, config, reads, partial);
    }
}
