package dev.imagecensus.enricher.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LayerMergerTest {

    private static Optional<String> text(MergedView view, String path) {
        return view.lookup(path).map(r -> r.fact().text());
    }

    @Test
    void shouldFollowRelativeSymlinkWhenOsReleasePointsIntoUsrLib() {
        // Given alpine's layout
        MergedView view = LayerMerger.merge(List.of(Layers.layer()
                .symlink("etc/os-release", "../usr/lib/os-release")
                .file("usr/lib/os-release", "ID=alpine\n")
                .build()));

        // When / Then
        assertThat(view.lookup("etc/os-release")).map(MergedView.Resolved::path).contains("usr/lib/os-release");
        assertThat(text(view, "etc/os-release")).contains("ID=alpine\n");
    }

    @Test
    void shouldFollowAbsoluteSymlinksAndSymlinkedDirectoriesWhenResolving() {
        // Given Debian's usr/lib/ssl/openssl.cnf -> /etc/ssl/openssl.cnf, and etc/pki/tls -> /etc/ssl (a directory link)
        MergedView view = LayerMerger.merge(List.of(Layers.layer()
                .file("etc/ssl/openssl.cnf", "openssl_conf = init\n")
                .symlink("usr/lib/ssl/openssl.cnf", "/etc/ssl/openssl.cnf")
                .symlink("etc/pki/tls", "/etc/ssl")
                .build()));

        // When / Then
        assertThat(view.lookup("usr/lib/ssl/openssl.cnf")).map(MergedView.Resolved::path).contains("etc/ssl/openssl.cnf");
        assertThat(view.lookup("etc/pki/tls/openssl.cnf")).map(MergedView.Resolved::path).contains("etc/ssl/openssl.cnf");
    }

    @Test
    void shouldGiveNothingWhenSymlinksLoop() {
        // Given
        MergedView view = LayerMerger.merge(List.of(Layers.layer()
                .symlink("etc/os-release", "../usr/lib/os-release")
                .symlink("usr/lib/os-release", "/etc/os-release")
                .build()));

        // When / Then
        assertThat(view.lookup("etc/os-release")).isEmpty();
        assertThat(view.resolve("etc/os-release")).isNull();
    }

    @Test
    void shouldLetUpperLayerWinWhenBothHaveTheFile() {
        // Given
        MergedView view = LayerMerger.merge(List.of(
                Layers.layer().file("etc/os-release", "ID=debian\n").build(),
                Layers.layer().file("etc/os-release", "ID=ubuntu\n").build()));

        // When / Then
        assertThat(text(view, "etc/os-release")).contains("ID=ubuntu\n");
    }

    @Test
    void shouldDeleteLowerFileAndTreeWhenUpperLayerHasWhiteouts() {
        // Given
        MergedView view = LayerMerger.merge(List.of(
                Layers.layer()
                        .file("etc/os-release", "ID=debian\n")
                        .file("etc/debian_version", "12.7\n")
                        .file("usr/lib/ossl-modules/fips.so", GoBinaries.plainElf())
                        .build(),
                Layers.layer().whiteout("etc/os-release").whiteout("usr/lib/ossl-modules").build()));

        // When / Then
        assertThat(view.entries()).containsOnlyKeys("etc/debian_version");
    }

    @Test
    void shouldHideLowerContentButKeepOwnWhenDirectoryIsOpaque() {
        // Given
        MergedView view = LayerMerger.merge(List.of(
                Layers.layer()
                        .file("etc/ssl/openssl.cnf", "old\n")
                        .file("etc/ssl/fipsmodule.cnf", "old\n")
                        .file("etc/os-release", "ID=debian\n")
                        .build(),
                Layers.layer().opaque("etc/ssl").file("etc/ssl/openssl.cnf", "new\n").build()));

        // When / Then
        assertThat(view.entries()).containsOnlyKeys("etc/os-release", "etc/ssl/openssl.cnf");
        assertThat(text(view, "etc/ssl/openssl.cnf")).contains("new\n");
    }

    @Test
    void shouldReplaceLowerSymlinkWhenUpperLayerMakesItADirectory() {
        // Given
        MergedView view = LayerMerger.merge(List.of(
                Layers.layer().symlink("etc/ssl", "/usr/lib/ssl").file("usr/lib/ssl/openssl.cnf", "lower\n").build(),
                Layers.layer().dir("etc/ssl").build()));

        // When / Then
        assertThat(view.lookup("etc/ssl/openssl.cnf")).isEmpty();
    }

    @Test
    void shouldCopyTargetWhenHardLinkPointsAtAKeptFile() {
        // Given busybox's tar: bin/[ is the file, bin/busybox a hard link to it
        MergedView view = LayerMerger.merge(List.of(Layers.layer()
                .file("bin/[", GoBinaries.busybox("1.37.0"))
                .hardlink("bin/busybox", "bin/[")
                .hardlink("etc/debian_version", "usr/share/unkept")
                .build()));

        // When / Then
        assertThat(view.lookup("bin/busybox")).map(r -> r.fact().busyboxVersion()).contains("1.37.0");
        assertThat(view.lookup("etc/debian_version")).map(r -> r.fact().kind()).contains(FileFact.Kind.MARKER);
    }
}
