package dev.imagecensus.schemas.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The reference grammar as tables: {@code references/valid-references.csv} (cases from distribution/reference's
 * reference_test.go and normalize_test.go plus our own, expectations checked against Docker's parser) and
 * {@code references/invalid-references.csv} (each with the reason it must give).
 */
class ImageReferenceTableTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvFileSource(resources = "/references/valid-references.csv", numLinesToSkip = 1, maxCharsPerColumn = 8192)
    void shouldNormaliseWhenReferenceIsValid(String input, String canonical, String familiar, String registry,
                                             String repository, String tag, String digest) {
        // When
        ImageReference reference = ImageReference.parse(input);

        // Then
        assertThat(reference.registry()).as("registry").isEqualTo(registry);
        assertThat(reference.repository()).as("repository").isEqualTo(repository);
        assertThat(reference.tag()).as("tag").isEqualTo(Optional.ofNullable(tag));
        assertThat(reference.digest()).as("digest").isEqualTo(Optional.ofNullable(digest));
        assertThat(reference.name()).as("name").isEqualTo(registry + "/" + repository);
        assertThat(reference.canonical()).as("canonical").isEqualTo(canonical);
        assertThat(reference).hasToString(canonical);
        assertThat(reference.familiar()).as("familiar").isEqualTo(familiar);
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/references/valid-references.csv", numLinesToSkip = 1, maxCharsPerColumn = 8192)
    void shouldRoundTripWhenCanonicalOrFamiliarFormIsParsedAgain(String input) {
        // Given
        ImageReference reference = ImageReference.parse(input);

        // When / Then: the canonical key is stable, and the short form in log lines means the same image
        assertThat(ImageReference.parse(reference.canonical())).isEqualTo(reference);
        assertThat(ImageReference.parse(reference.familiar())).isEqualTo(reference);
        assertThat(ImageReference.tryParse(input)).isEqualTo(new ReferenceParseResult.Valid(reference));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvFileSource(resources = "/references/invalid-references.csv", numLinesToSkip = 1, maxCharsPerColumn = 8192)
    void shouldRejectWithPreciseReasonWhenReferenceIsInvalid(String input, String expectedReason) {
        // When
        InvalidImageReferenceException thrown =
                catchThrowableOfType(InvalidImageReferenceException.class, () -> ImageReference.parse(input));

        // Then
        assertThat(thrown).as("exception for %s", input).isNotNull();
        assertThat(thrown.input()).isEqualTo(input == null ? "" : input);
        assertThat(thrown.reason()).contains(expectedReason);
        assertThat(thrown.getMessage()).startsWith("invalid reference \"").endsWith("\": " + thrown.reason());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvFileSource(resources = "/references/invalid-references.csv", numLinesToSkip = 1, maxCharsPerColumn = 8192)
    void shouldReturnInvalidWithSameReasonWhenTryParsingInvalidReference(String input, String expectedReason) {
        // When
        ReferenceParseResult result = ImageReference.tryParse(input);

        // Then
        assertThat(result).isInstanceOfSatisfying(ReferenceParseResult.Invalid.class, invalid -> {
            assertThat(invalid.input()).isEqualTo(input == null ? "" : input);
            assertThat(invalid.reason()).contains(expectedReason);
            assertThat(invalid.message()).endsWith("\": " + invalid.reason());
        });
    }
}
