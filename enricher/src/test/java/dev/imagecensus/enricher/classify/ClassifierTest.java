package dev.imagecensus.enricher.classify;

import static dev.imagecensus.enricher.classify.Layers.layer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.schemas.avro.DistroStatus;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.FipsStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The top-level function: what is carried through, and the images that are not inspected. */
class ClassifierTest {

    @Test
    void shouldCarryManifestFactsThroughWhenImageIsClassified() {
        // Given
        ClassificationInput input = Images.image("docker.io/library/debian:12",
                        layer().file("etc/os-release", Images.DEBIAN).build())
                .platform(PlatformSpec.LINUX_AMD64, List.of("linux/amd64", "linux/arm64/v8"))
                .compressedBytes(49_000_000L)
                .build();

        // When
        Classification result = Classifier.classify(input);

        // Then
        assertThat(result.image()).isEqualTo("docker.io/library/debian:12");
        assertThat(result.existence()).isEqualTo(Existence.AVAILABLE);
        assertThat(result.manifestDigest()).isEqualTo("sha256:" + "a".repeat(64));
        assertThat(result.platform()).isEqualTo(PlatformSpec.LINUX_AMD64);
        assertThat(result.platforms()).containsExactly("linux/amd64", "linux/arm64/v8");
        assertThat(result.layers()).isEqualTo(1);
        assertThat(result.compressedBytes()).isEqualTo(49_000_000L);
        assertThat(result.classifiedAt()).isEqualTo(Images.AT);
        assertThat(result.partial()).isFalse();
    }

    @Test
    void shouldSkipLinuxProbesWhenImageIsWindows() {
        // Given a Windows image whose layers would look like Linux if probed
        ClassificationInput input = Images.image("mcr.microsoft.com/windows/nanoserver:ltsc2022",
                        layer().file("etc/os-release", Images.DEBIAN).build())
                .platform(new PlatformSpec("windows", "amd64", null), List.of("windows/amd64"))
                .config(new ImageConfig("windows", "amd64", null, Map.of(), List.of()))
                .build();

        // When
        Classification result = Classifier.classify(input);

        // Then
        assertThat(result.distroStatus()).isEqualTo(DistroStatus.NOT_APPLICABLE);
        assertThat(result.distro()).isNull();
        assertThat(result.fips()).isEqualTo(FipsStatus.UNKNOWN);
        assertThat(result.fipsNote()).isEqualTo("Windows image: Linux probes skipped");
    }

    @Test
    void shouldClassifyNothingButClaimsWhenImageIsAbsent() {
        // Given
        ClassificationInput input = ClassificationInput.builder("ghcr.io/acme/api-fips:gone", Existence.ABSENT, Images.AT)
                .error("404 MANIFEST_UNKNOWN: manifest unknown")
                .build();

        // When
        Classification result = Classifier.classify(input);

        // Then
        assertThat(result.distroStatus()).isEqualTo(DistroStatus.UNKNOWN);
        assertThat(result.fips()).isEqualTo(FipsStatus.CLAIMED);
        assertThat(result.fipsNote()).isEqualTo("image not inspected: ABSENT");
        assertThat(result.error()).isEqualTo("404 MANIFEST_UNKNOWN: manifest unknown");
        assertThat(result.manifestDigest()).isNull();
        assertThat(result.layers()).isZero();
    }

    @Test
    void shouldBeUnknownWhenNotInspectedAndNothingIsClaimed() {
        // When
        Classification result = Classifier.classify(ClassificationInput.builder("quay.io/acme/api:1",
                Existence.AUTHENTICATION_FAILURE, Images.AT).build());

        // Then
        assertThat(result.fips()).isEqualTo(FipsStatus.UNKNOWN);
        assertThat(result.fipsEvidence()).isEmpty();
    }

    @Test
    void shouldJoinEveryReasonWhenInputAndLayersArePartial() {
        // Given
        ClassificationInput input = Images.image("registry.example/app:1",
                        layer().file("etc/os-release", Images.ALPINE).build(),
                        layer().partial("decompression ratio over 100").build())
                .layerCount(3)
                .partial("time per image over 120 s")
                .build();

        // When
        Classification result = Classifier.classify(input);

        // Then
        assertThat(result.partial()).isTrue();
        assertThat(result.partialReason()).isEqualTo("time per image over 120 s; layer 1: decompression ratio over 100; "
                + "only 2 of 3 layers read");
        assertThat(result.distroStatus()).isEqualTo(DistroStatus.UNKNOWN);
        assertThat(result.layers()).isEqualTo(3);
    }
}
