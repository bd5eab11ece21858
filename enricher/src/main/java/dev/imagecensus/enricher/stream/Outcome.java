package dev.imagecensus.enricher.stream;

import dev.imagecensus.enricher.inspect.ImageInspector.Resolution;
import dev.imagecensus.schemas.avro.ImageClassification;

/** A registry call's result, handed from an executor thread back to the stream thread that asked. */
sealed interface Outcome {

    String reference();

    record Resolved(String reference, Resolution resolution) implements Outcome {
    }

    record Inspected(String reference, ImageClassification classification) implements Outcome {
    }
}
