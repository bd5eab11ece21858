package dev.imagecensus.enricher.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LayerScannerTest {

    private static final ScanBounds SMALL = new ScanBounds(16, 2, 1, 10_000, 1, 256 * 1024, 3);

    @Test
    void shouldKeepInterestingFilesAndSkipTheRestWhenScanningALayer() {
        // When
        LayerFacts facts = Layers.layer()
                .dir("./etc/")
                .file("./etc/os-release", "ID=alpine\n")
                .file("./etc/hostname", "box\n")
                .symlink("etc/ssl/openssl.cnf", "../../usr/lib/ssl/openssl.cnf")
                .symlink("usr/share/zoneinfo/UTC", "Etc/UTC")
                .file("usr/lib/ossl-modules/fips.so", GoBinaries.plainElf())
                .file("usr/bin/payments", GoBinaries.modern("go1.24.1", "GOFIPS140=v1.0.0"))
                .file("usr/bin/plain", GoBinaries.plainElf())
                .build();

        // Then
        assertThat(facts.files()).containsOnlyKeys("etc/os-release", "etc/ssl/openssl.cnf",
                "usr/lib/ossl-modules/fips.so", "usr/bin/payments");
        assertThat(facts.files().get("etc/os-release")).isEqualTo(FileFact.content("ID=alpine\n", false, 10));
        assertThat(facts.files().get("etc/ssl/openssl.cnf").linkTarget()).isEqualTo("../../usr/lib/ssl/openssl.cnf");
        assertThat(facts.files().get("usr/lib/ossl-modules/fips.so").kind()).isEqualTo(FileFact.Kind.MARKER);
        assertThat(facts.files().get("usr/bin/payments").goBuildInfo().setting("GOFIPS140")).contains("v1.0.0");
        assertThat(facts.directories()).containsExactly("etc");
        assertThat(facts.partial()).isFalse();
    }

    @Test
    void shouldRecordWhiteoutsAndOpaqueDirsWhenLayerDeletesLowerContent() {
        // When
        LayerFacts facts = Layers.layer()
                .whiteout("etc/os-release")
                .whiteout("opt/app")
                .opaque("usr/lib/ssl")
                .opaque("")
                .file("etc/.wh..wh.plnk", "") // AUFS metadata, not a whiteout
                .build();

        // Then
        assertThat(facts.whiteouts()).containsExactly("etc/os-release", "opt/app");
        assertThat(facts.opaqueDirs()).containsExactly("", "usr/lib/ssl");
        assertThat(facts.files()).isEmpty();
    }

    @Test
    void shouldTruncateAndMarkPartialWhenBoundsAreHit() {
        // When
        LayerFacts facts = Layers.layer(SMALL)
                .file("etc/os-release", "PRETTY_NAME=\"Some very long name\"\n")
                .file("etc/debian_version", "12.7\n")
                .file("etc/lsb-release", "DISTRIB_ID=Ubuntu\n")       // third content file: over the bound
                .file("a/openssl.cnf", "x")
                .file("b/openssl.cnf", "y")                           // second aux file: dropped silently
                .build();

        // Then
        FileFact osRelease = facts.files().get("etc/os-release");
        assertThat(osRelease.truncated()).isTrue();
        assertThat(osRelease.text()).isEqualTo("PRETTY_NAME=\"Som");
        assertThat(facts.files()).containsOnlyKeys("etc/os-release", "etc/debian_version", "a/openssl.cnf");
        assertThat(facts.partial()).isTrue();
        assertThat(facts.partialReason()).isEqualTo("more than 2 interesting files in one layer");
    }

    @Test
    void shouldRecordUnscannedWhenElfIsLargerThanTheBound() throws IOException {
        // Given an ELF entry claiming 1 MB, more than the 10 000-byte bound
        LayerScanner scanner = new LayerScanner(SMALL);
        byte[] head = GoBinaries.plainElf();
        ByteArrayInputStream data = new ByteArrayInputStream(head);

        // When
        scanner.accept(TarEntry.file("usr/bin/huge", 1_000_000), data);
        scanner.accept(TarEntry.file("usr/bin/notes.txt", 1_000_000),
                new ByteArrayInputStream("plain text".getBytes(StandardCharsets.UTF_8)));
        LayerFacts facts = scanner.finish();

        // Then only the magic was read, and only the ELF file is recorded
        assertThat(data.available()).isEqualTo(head.length - 4);
        assertThat(facts.files()).containsOnlyKeys("usr/bin/huge");
        assertThat(facts.files().get("usr/bin/huge")).isEqualTo(FileFact.unscanned(1_000_000));
    }

    @Test
    void shouldMarkPartialWhenTooManyLinksAreRecorded() {
        // When
        LayerFacts facts = Layers.layer(SMALL)
                .dir("etc").dir("usr").dir("usr/lib").dir("bin")
                .build();

        // Then
        assertThat(facts.directories()).hasSize(3);
        assertThat(facts.partialReason()).isEqualTo("more than 3 links, directories and whiteouts in one layer");
    }

    @Test
    void shouldCompareByValueWhenTheSameLayerIsScannedTwice() {
        // Given / When
        LayerFacts first = Layers.layer().file("etc/os-release", "ID=debian\n").whiteout("tmp/x").build();
        LayerFacts second = Layers.layer().whiteout("tmp/x").file("etc/os-release", "ID=debian\n").build();

        // Then cache entries keyed by layer digest are stable values
        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
    }
}
