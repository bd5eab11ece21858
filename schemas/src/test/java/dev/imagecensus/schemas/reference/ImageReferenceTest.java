package dev.imagecensus.schemas.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** API behaviour around the grammar tables: defaults, familiar form, equality, messages, robustness. */
class ImageReferenceTest {

    private static final String DIGEST = "sha256:dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c";

    @Test
    void shouldAddDefaultTagOnlyWhenNeitherTagNorDigestIsGiven() {
        assertThat(ImageReference.parse("nginx").tag()).contains(ImageReference.DEFAULT_TAG);
        assertThat(ImageReference.parse("nginx@" + DIGEST).tag()).isEmpty();
        assertThat(ImageReference.parse("nginx:1.27@" + DIGEST).tag()).contains("1.27");
    }

    @Test
    void shouldKeepTagAndDigestWhenBothAreGiven() {
        // Given
        ImageReference reference = ImageReference.parse("nginx:1.27@" + DIGEST);

        // Then
        assertThat(reference.canonical()).isEqualTo("docker.io/library/nginx:1.27@" + DIGEST);
        assertThat(reference.familiar()).isEqualTo("nginx:1.27@" + DIGEST);
        assertThat(reference.name()).isEqualTo("docker.io/library/nginx");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "nginx:1.27, nginx:1.27",
        "docker.io/org/app:1, org/app:1",
        "library/foo/bar:1, library/foo/bar:1",
        "ghcr.io/org/app:1, ghcr.io/org/app:1",
        "localhost:5000/x:y, localhost:5000/x:y",
        "index.docker.io/library/redis, redis:latest",
    })
    void shouldShortenForLogsWhenFamiliarFormIsAsked(String input, String familiar) {
        assertThat(ImageReference.parse(input).familiar()).isEqualTo(familiar);
    }

    @Test
    void shouldBeEqualWhenCanonicalFormsAreEqual() {
        // Given
        ImageReference shortForm = ImageReference.parse("nginx");
        ImageReference longForm = ImageReference.parse("index.docker.io/library/nginx:latest");

        // Then
        assertThat(shortForm).isEqualTo(longForm).hasSameHashCodeAs(longForm);
        assertThat(shortForm).isNotEqualTo(ImageReference.parse("nginx:1.27"));
        assertThat(ImageReference.parse("nginx@" + DIGEST)).isNotEqualTo(ImageReference.parse("nginx:latest@" + DIGEST));
    }

    @Test
    void shouldReportEmptyReferenceWhenInputIsNull() {
        assertThat(ImageReference.tryParse(null)).isEqualTo(new ReferenceParseResult.Invalid("", "empty reference"));
        assertThatThrownBy(() -> ImageReference.parse(null))
                .isInstanceOf(InvalidImageReferenceException.class)
                .hasMessage("invalid reference \"\": empty reference");
    }

    @Test
    void shouldNameTheLowercaseRuleWhenRepositoryHasUppercase() {
        assertThatThrownBy(() -> ImageReference.parse("Nginx"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid reference \"Nginx\": repository name must be lowercase");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "'\t', empty reference",
        "'\u2003', empty reference",
        "'nginx\t', invalid character U+0009 (whitespace) at index 5",
        "'nginx\u00a0', invalid character U+00A0 (whitespace) at index 5",
        "'ng\u00efnx', invalid character U+00EF at index 2",
        "'nginx\u0000', invalid character U+0000 at index 5",
        "'\u043dginx', invalid character U+043D at index 0",
    })
    void shouldNameInvisibleCharacterByCodePointWhenInputHasOne(String input, String reason) {
        assertThat(ImageReference.tryParse(input)).isEqualTo(new ReferenceParseResult.Invalid(input, reason));
    }

    @Test
    void shouldEscapeInputInMessageWhenItHoldsLineBreaksOrQuotes() {
        // Given: a value that would forge a second log line if printed raw
        String hostile = "nginx\n[ERROR] \"forged\"";

        // When
        InvalidImageReferenceException thrown = new InvalidImageReferenceException(hostile, "reason");

        // Then
        assertThat(thrown.getMessage())
                .doesNotContain("\n")
                .isEqualTo("invalid reference \"nginx\\u000a[ERROR] \\\"forged\\\"\": reason");
        assertThat(thrown.input()).isEqualTo(hostile);
    }

    @Test
    void shouldCutInputInMessageWhenItIsHuge() {
        // Given
        String huge = "a".repeat(100_000);

        // When
        InvalidImageReferenceException thrown =
                catchThrowableOfType(InvalidImageReferenceException.class, () -> ImageReference.parse(huge));

        // Then
        assertThat(thrown.getMessage()).hasSizeLessThan(700).contains("...(100000 characters)");
        assertThat(thrown.reason()).isEqualTo("repository name must not be more than 255 characters (got 100008)");
        assertThat(thrown.input()).isEqualTo(huge);
    }

    @Test
    void shouldNeverThrowWhenTryParsingArbitraryStrings() {
        // Given: random strings over the characters that matter to the grammar, plus a few that never belong
        Random random = new Random(42);
        String alphabet = "aZ09._-/:@[]+!% f";

        for (int i = 0; i < 20_000; i++) {
            StringBuilder input = new StringBuilder();
            int length = random.nextInt(24);
            for (int j = 0; j < length; j++) {
                input.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }

            // When
            ReferenceParseResult result = ImageReference.tryParse(input.toString());

            // Then: a valid result always survives a canonical round trip
            if (result instanceof ReferenceParseResult.Valid valid) {
                assertThat(ImageReference.parse(valid.reference().canonical())).as(input.toString())
                        .isEqualTo(valid.reference());
            } else {
                assertThat(((ReferenceParseResult.Invalid) result).reason()).as(input.toString()).isNotBlank();
            }
        }
    }
}
