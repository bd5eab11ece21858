package dev.imagecensus.enricher.classify;

import static dev.imagecensus.enricher.classify.Layers.layer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.schemas.avro.FipsStatus;
import dev.imagecensus.schemas.avro.ImageClassification;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A classification reused for another name of the same digest equals what classifying that name would give. */
class ReusedClassificationTest {

    private static final Instant LATER = Images.AT.plusSeconds(60);

    @Test
    void shouldClaimFipsWhenTheNewNameSaysFipsAndTheKnownOneDidNot() {
        // Given alpine:1 classified, and app-fips:1 pointing at the same bytes
        ImageClassification alpine = classify("reg.example/synthetic/alpine:1");

        // When it is reused for app-fips:1
        ImageClassification reused = ReusedClassification.forReference(alpine, "reg.example/synthetic/app-fips:1", LATER);

        // Then it says what classifying app-fips:1 says: CLAIMED by its name
        assertThat(reused.getFips()).isEqualTo(FipsStatus.CLAIMED);
        assertSameAsFresh(reused, "reg.example/synthetic/app-fips:1");
    }

    @Test
    void shouldDropTheOldNamesClaimWhenTheNewNameSaysNothing() {
        ImageClassification appFips = classify("reg.example/synthetic/app-fips:1");
        assertThat(appFips.getFips()).isEqualTo(FipsStatus.CLAIMED);

        ImageClassification reused = ReusedClassification.forReference(appFips, "reg.example/synthetic/alpine:1", LATER);

        assertThat(reused.getFips()).isEqualTo(FipsStatus.NOT_DETECTED);
        assertSameAsFresh(reused, "reg.example/synthetic/alpine:1");
    }

    @Test
    void shouldKeepEvidenceFromTheImagesFilesWhateverTheName() {
        ImageClassification ubiFips = classify("reg.example/acme/ubi-fips:9");
        assertThat(ubiFips.getFips()).isEqualTo(FipsStatus.CAPABLE);

        ImageClassification reused = ReusedClassification.forReference(ubiFips, "reg.example/acme/ubi:9", LATER);

        assertThat(reused.getFips()).isEqualTo(FipsStatus.CAPABLE);
        assertSameAsFresh(reused, "reg.example/acme/ubi:9");
    }

    private static ImageClassification classify(String reference) {
        return ClassificationAvro.toAvro(Classifier.classify(Images.image(reference, layer()
                .file("etc/os-release", reference.contains("ubi") ? Images.UBI : Images.ALPINE)
                .file(reference.contains("ubi") ? "etc/system-fips" : "etc/motd", "").build()).build()));
    }

    private static void assertSameAsFresh(ImageClassification reused, String reference) {
        ImageClassification fresh = classify(reference);
        assertThat(reused).isEqualTo(ImageClassification.newBuilder(fresh).setExistenceCheckedAt(LATER).build());
    }
}
