package dev.imagecensus.enricher.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformChooserTest {

    private static final String OCI = "application/vnd.oci.image.manifest.v1+json";

    private static IndexEntry entry(String digest, String platform) {
        return new IndexEntry(digest, OCI, PlatformSpec.parse(platform), Map.of());
    }

    private static IndexEntry attestation(String digest, String forDigest) {
        return new IndexEntry(digest, OCI, new PlatformSpec("unknown", "unknown", null),
                Map.of(IndexEntry.REFERENCE_TYPE, "attestation-manifest", "vnd.docker.reference.digest", forDigest));
    }

    /** A buildx multi-arch index: each image followed by its attestation manifest. */
    private static final List<IndexEntry> BUILDX_INDEX = List.of(
            entry("sha256:amd64", "linux/amd64"), attestation("sha256:att1", "sha256:amd64"),
            entry("sha256:arm64", "linux/arm64/v8"), attestation("sha256:att2", "sha256:arm64"),
            entry("sha256:armv7", "linux/arm/v7"), attestation("sha256:att3", "sha256:armv7"),
            entry("sha256:armv6", "linux/arm/v6"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "linux/amd64,        sha256:amd64, true",
            "linux/x86_64,       sha256:amd64, true",
            "linux/arm64,        sha256:arm64, true",
            "linux/aarch64/v8,   sha256:arm64, true",
            "linux/arm/v7,       sha256:armv7, true",
            "linux/arm,          sha256:armv7, true",
            "linux/arm/v6,       sha256:armv6, true",
            "linux/arm/v8,       sha256:armv7, false",
            "linux/s390x,        sha256:amd64, false"
    })
    void shouldPreferRequestedPlatformWhenIndexOffersIt(String requested, String expectedDigest, boolean exact) {
        // When
        PlatformChooser.Choice choice = PlatformChooser.choose(BUILDX_INDEX, PlatformSpec.parse(requested));

        // Then
        assertThat(choice.selected()).map(IndexEntry::digest).contains(expectedDigest);
        assertThat(choice.exact()).isEqualTo(exact);
    }

    @Test
    void shouldListPlatformsWithoutAttestationsWhenIndexHasThem() {
        // When
        PlatformChooser.Choice choice = PlatformChooser.choose(BUILDX_INDEX, null);

        // Then
        assertThat(choice.selected()).map(IndexEntry::digest).contains("sha256:amd64");
        assertThat(choice.platforms()).containsExactly("linux/amd64", "linux/arm64/v8", "linux/arm/v7", "linux/arm/v6");
    }

    @Test
    void shouldChooseNothingWhenIndexHoldsOnlyAttestations() {
        // When
        PlatformChooser.Choice choice = PlatformChooser.choose(List.of(attestation("sha256:att", "sha256:x")), null);

        // Then
        assertThat(choice.selected()).isEmpty();
        assertThat(choice.platforms()).isEmpty();
    }

    @Test
    void shouldFallBackToLinuxWhenOnlyWindowsAndLinuxArmAreOffered() {
        // Given
        List<IndexEntry> index = List.of(entry("sha256:win", "windows/amd64"), entry("sha256:arm64", "linux/arm64"));

        // When
        PlatformChooser.Choice choice = PlatformChooser.choose(index, PlatformSpec.LINUX_AMD64);

        // Then
        assertThat(choice.selected()).map(IndexEntry::digest).contains("sha256:arm64");
        assertThat(choice.exact()).isFalse();
    }
}
