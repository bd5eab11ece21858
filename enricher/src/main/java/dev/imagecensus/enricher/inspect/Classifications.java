package dev.imagecensus.enricher.inspect;

import dev.imagecensus.enricher.classify.ClassificationAvro;
import dev.imagecensus.enricher.classify.ClassificationInput;
import dev.imagecensus.enricher.classify.Classifier;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.ImageClassification;
import java.time.Instant;

/** Classifications of images that could not be inspected, made by the same {@link Classifier} as the rest. */
public final class Classifications {

    private Classifications() {
    }

    /**
     * An image known only by its reference: distro UNKNOWN, FIPS from what the name claims, the reason as error.
     *
     * @param existence never AVAILABLE in practice; the state the registry (or the reference) gave
     */
    public static ImageClassification notInspected(String reference, Existence existence, String error, Instant at) {
        return ClassificationAvro.toAvro(Classifier.classify(
                ClassificationInput.builder(reference, existence, at).error(error).build()));
    }
}
