package dev.imagecensus.embedded.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

class SyntheticImagesTest {

    @Test
    void shouldWriteTheSameBytesWhenBuiltTwice() {
        Layer first = TarLayer.builder().file("etc/os-release", "ID=x\n").symlink("a", "b").build(LayerCompression.GZIP);
        Layer second = TarLayer.builder().file("etc/os-release", "ID=x\n").symlink("a", "b").build(LayerCompression.GZIP);
        Layer zstd1 = TarLayer.builder().file("f", "x").build(LayerCompression.ZSTD);
        Layer zstd2 = TarLayer.builder().file("f", "x").build(LayerCompression.ZSTD);

        assertThat(first.blob().digest()).isEqualTo(second.blob().digest());
        assertThat(zstd1.blob().digest()).isEqualTo(zstd2.blob().digest());
        assertThat(zstd1.blob().bytes()).startsWith(0x28, 0xb5, 0x2f, 0xfd);
        assertThat(first.blob().bytes()).startsWith(0x1f, 0x8b);
    }

    @Test
    void shouldKeepSymlinksHardlinksAndWhiteoutsWhenWritingTar() throws IOException {
        byte[] tar = TarLayer.builder().dotSlashNames()
                .symlink("etc/os-release", "../usr/lib/os-release")
                .hardlink("bin/sh", "bin/busybox")
                .whiteout("etc/issue")
                .opaque("var/cache")
                .tar();

        List<TarArchiveEntry> entries = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e);
            }
        }

        assertThat(entries).extracting(TarArchiveEntry::getName).containsExactly(
                "./etc/os-release", "./bin/sh", "./etc/.wh.issue", "./var/cache/.wh..wh..opq");
        assertThat(entries.get(0).isSymbolicLink()).isTrue();
        assertThat(entries.get(0).getLinkName()).isEqualTo("../usr/lib/os-release");
        assertThat(entries.get(1).isLink()).isTrue();
        assertThat(entries.get(1).getLinkName()).isEqualTo("./bin/sh".replace("sh", "busybox"));
        assertThat(entries.get(0).getUserName()).isEqualTo("root");
    }

    @Test
    void shouldCarryGoFipsBuildSettingWhenSynthesisingGoBinary() {
        byte[] binary = SyntheticBinaries.goBinary("go1.24.2", "example.com/x", java.util.Map.of("GOFIPS140", "v1.0.0"));
        String text = new String(binary, StandardCharsets.ISO_8859_1);

        int magic = text.indexOf("\u00ff Go buildinf:");
        assertThat(magic % 16).isZero();
        assertThat(binary[magic + 14]).isEqualTo((byte) 8);
        assertThat(binary[magic + 15]).isEqualTo((byte) 2);
        assertThat(binary[magic + 32]).isEqualTo((byte) "go1.24.2".length());
        assertThat(text).contains("build\tGOFIPS140=v1.0.0\n").startsWith("\u007fELF");
    }

    @Test
    void shouldListEveryCaseWithUniqueRepositoriesWhenCatalogueIsBuilt() {
        List<SyntheticImage> all = SyntheticImages.all();

        assertThat(all).extracting(SyntheticImage::repository).doesNotHaveDuplicates();
        assertThat(all).extracting(SyntheticImage::name).contains("alpine", "debian", "ubuntu", "ubi-fips",
                "openssl-fips", "distroless", "busybox", "scratch", "multiarch", "docker-list", "zstd", "whiteout",
                "go-fips", "deleted", "debian-app");
        assertThat(SyntheticImages.named("multiarch").manifest().mediaType()).isEqualTo(OciMediaTypes.OCI_INDEX);
        assertThat(SyntheticImages.named("debian").manifest().mediaType()).isEqualTo(OciMediaTypes.DOCKER_MANIFEST);
        assertThat(new String(SyntheticImages.named("multiarch").manifest().bytes(), StandardCharsets.UTF_8))
                .contains("\"vnd.docker.reference.type\":\"attestation-manifest\"", "\"os\":\"unknown\"");
        assertThat(SyntheticImages.unique(1).digest()).isNotEqualTo(SyntheticImages.unique(2).digest());
    }
}
