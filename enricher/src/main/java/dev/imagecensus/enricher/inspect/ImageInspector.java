package dev.imagecensus.enricher.inspect;

import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.ImageClassification;
import java.time.Instant;

/**
 * Looks an image reference up in its registry. Implementations block (they run on the enricher's bounded
 * executor, never on a stream thread) and never throw for registry answers: those become existence states.
 */
public interface ImageInspector {

    /** A cheap existence check (HEAD of the manifest): what the reference points at now. */
    Resolution resolve(String reference);

    /** The full inspection: manifest, platform, config and layers, classified. */
    ImageClassification inspect(String reference);

    /**
     * The answer of {@link #resolve}.
     *
     * @param digest the manifest (or index) digest the reference resolves to; null unless AVAILABLE
     * @param error  the registry's answer when not AVAILABLE
     */
    record Resolution(Existence existence, String digest, String error, Instant checkedAt) {

        public boolean available() {
            return existence == Existence.AVAILABLE;
        }
    }
}
