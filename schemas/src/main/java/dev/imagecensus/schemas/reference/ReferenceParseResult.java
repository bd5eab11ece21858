package dev.imagecensus.schemas.reference;

import java.util.Objects;

/**
 * The outcome of {@link ImageReference#tryParse(String)}: a bad reference becomes data (for a dead letter or a
 * classification) instead of an exception.
 */
public sealed interface ReferenceParseResult {

    /** A parsed, normalised reference. */
    record Valid(ImageReference reference) implements ReferenceParseResult {
        public Valid {
            Objects.requireNonNull(reference, "reference");
        }
    }

    /** A rejected input ({@code null} is reported as the empty string) and what is wrong with it. */
    record Invalid(String input, String reason) implements ReferenceParseResult {
        public Invalid {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(reason, "reason");
        }

        /** The same text as {@link InvalidImageReferenceException#getMessage()}. */
        public String message() {
            return InvalidImageReferenceException.message(input, reason);
        }
    }
}
