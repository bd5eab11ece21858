package dev.imagecensus.enricher.inspect;

import dev.imagecensus.enricher.classify.ClassificationAvro;
import dev.imagecensus.enricher.classify.ClassificationInput;
import dev.imagecensus.enricher.classify.Classifier;
import dev.imagecensus.enricher.classify.PlatformSpec;
import dev.imagecensus.enricher.classify.ScanBounds;
import dev.imagecensus.enricher.registry.ImageInspection;
import dev.imagecensus.enricher.registry.ManifestHead;
import dev.imagecensus.enricher.registry.RegistryClient;
import dev.imagecensus.enricher.registry.RegistryResult;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.ImageClassification;
import dev.imagecensus.schemas.reference.ImageReference;
import dev.imagecensus.schemas.reference.ReferenceParseResult;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enricher's {@link ImageInspector} on a real registry: {@link #resolve} is a manifest HEAD; {@link #inspect}
 * reads manifest, config and layers ({@link dev.imagecensus.enricher.registry.ImageInspector}, bounded by the
 * client's per-image time budget), scans each layer not already in the {@link LayerCache}, and classifies the
 * result ({@link Classifier}). Every failure becomes an existence state or a partial classification; nothing
 * is thrown. Thread-safe: one instance serves the whole inspection executor.
 */
public final class RegistryImageInspector implements ImageInspector {

    private static final Logger log = LoggerFactory.getLogger(RegistryImageInspector.class);

    private final RegistryClient client;
    private final dev.imagecensus.enricher.registry.ImageInspector reader;
    private final LayerCache cache;
    private final ScanBounds bounds;
    private final Clock clock;

    /** @param platform the platform inspected in multi-platform images; null for linux/amd64 */
    public RegistryImageInspector(RegistryClient client, PlatformSpec platform, LayerCache cache, ScanBounds bounds,
                                  Clock clock) {
        this.client = client;
        this.reader = new dev.imagecensus.enricher.registry.ImageInspector(client, platform);
        this.cache = cache;
        this.bounds = bounds;
        this.clock = clock;
    }

    @Override
    public Resolution resolve(String reference) {
        try {
            if (!(ImageReference.tryParse(reference) instanceof ReferenceParseResult.Valid valid)) {
                return new Resolution(Existence.BAD_IMAGE_FORMAT, null, invalidReason(reference), clock.instant());
            }
            RegistryResult<ManifestHead> head = client.headManifest(valid.reference());
            Instant at = clock.instant();
            if (head instanceof RegistryResult.Failed<ManifestHead> failed) {
                return new Resolution(failed.existence(), null, failed.detail(), at);
            }
            // No Docker-Content-Digest: a pinned reference still knows its digest; else the digest stays unknown.
            String digest = head.orElseThrow().digest();
            return new Resolution(Existence.AVAILABLE, digest != null ? digest : valid.reference().digest().orElse(null),
                    null, at);
        } catch (RuntimeException e) {
            log.warn("[{}] existence check failed unexpectedly", reference, e);
            return new Resolution(Existence.UNKNOWN_ERROR, null, e.toString(), clock.instant());
        }
    }

    @Override
    public ImageClassification inspect(String reference) {
        Instant started = clock.instant();
        if (!(ImageReference.tryParse(reference) instanceof ReferenceParseResult.Valid valid)) {
            return Classifications.notInspected(reference, Existence.BAD_IMAGE_FORMAT, invalidReason(reference), started);
        }
        CachingLayerVisitor layers = new CachingLayerVisitor(cache, bounds,
                Instant.now().plus(client.config().limits().imageTimeout()));
        try {
            RegistryResult<ImageInspection> result = reader.inspect(valid.reference(), layers);
            Instant done = clock.instant();
            ClassificationInput input = result instanceof RegistryResult.Failed<ImageInspection> failed
                    ? ClassificationInput.builder(reference, failed.existence(), started).error(failed.detail()).build()
                    : input(reference, result.orElseThrow(), layers, started);
            ImageClassification classification = ClassificationAvro.toAvro(Classifier.classify(input));
            classification.setClassifiedAt(done);
            return classification;
        } catch (RuntimeException e) {
            log.warn("[{}] inspection failed unexpectedly", reference, e);
            return Classifications.notInspected(reference, Existence.UNKNOWN_ERROR, e.toString(), started);
        } finally {
            layers.abandon();
        }
    }

    private static ClassificationInput input(String reference, ImageInspection inspection, CachingLayerVisitor layers,
                                             Instant at) {
        ClassificationInput.Builder input = ClassificationInput.builder(reference, Existence.AVAILABLE, at)
                .manifest(inspection.manifest().digest(), inspection.manifest().mediaType())
                .platform(inspection.config().platform(), inspection.platforms())
                .config(inspection.config())
                .layers(layers.facts())
                .layerCount(inspection.image().layers().size())
                .compressedBytes(inspection.image().layerBytes());
        if (inspection.isPartial()) {
            input.partial(inspection.partialReason());
        }
        return input.build();
    }

    private static String invalidReason(String reference) {
        return ImageReference.tryParse(reference) instanceof ReferenceParseResult.Invalid invalid
                ? invalid.message() : "invalid reference";
    }
}
