package dev.imagecensus.schemas.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** {@code status.containerStatuses[].imageID} as Docker, containerd and CRI-O report it. */
class ImageIdsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvFileSource(resources = "/references/image-ids.csv", numLinesToSkip = 1, maxCharsPerColumn = 8192)
    void shouldExtractDigestWhenImageIdHoldsOne(String imageId, String digest) {
        assertThat(ImageIds.digestOf(imageId)).isEqualTo(Optional.ofNullable(digest));
    }
}
