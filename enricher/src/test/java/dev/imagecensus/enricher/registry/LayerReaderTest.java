package dev.imagecensus.enricher.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.embedded.oci.Layer;
import dev.imagecensus.embedded.oci.LayerCompression;
import dev.imagecensus.embedded.oci.TarLayer;
import dev.imagecensus.enricher.registry.LayerScan.PartialReason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LayerReaderTest {

    private final List<LayerEntry> seen = new ArrayList<>();
    private final LayerEntryHandler collect = (entry, data) -> seen.add(entry);

    @ParameterizedTest
    @EnumSource(LayerCompression.class)
    void shouldHandEntriesExactlyWhenLayerIsGzipZstdOrPlain(LayerCompression compression) {
        Layer layer = TarLayer.builder().dotSlashNames()
                .directory("etc")
                .file("usr/lib/os-release", "ID=alpine\n")
                .symlink("etc/os-release", "../usr/lib/os-release")
                .hardlink("bin/sh", "bin/busybox")
                .whiteout("etc/issue")
                .file("etc/big", "x".repeat(5000))
                .build(compression);

        LayerScan scan = read(layer, Limits.defaults().withMaxContentBytes(100));

        assertThat(scan.isComplete()).isTrue();
        assertThat(scan.digestVerified()).isTrue();
        assertThat(scan.compression().name()).isEqualTo(compression.name());
        assertThat(scan.compressedBytes()).isEqualTo(layer.blob().size());
        assertThat(seen).extracting(LayerEntry::path).containsExactly("etc", "usr/lib/os-release", "etc/os-release",
                "bin/sh", "etc/.wh.issue", "etc/big");
        assertThat(seen.get(0).type()).isEqualTo(LayerEntry.Type.DIRECTORY);
        assertThat(new String(seen.get(1).content(), StandardCharsets.UTF_8)).isEqualTo("ID=alpine\n");
        assertThat(seen.get(2).type()).isEqualTo(LayerEntry.Type.SYMLINK);
        assertThat(seen.get(2).linkTarget()).isEqualTo("../usr/lib/os-release");
        assertThat(seen.get(3).type()).isEqualTo(LayerEntry.Type.HARDLINK);
        assertThat(seen.get(3).linkTarget()).isEqualTo("./bin/busybox");
        assertThat(seen.get(4).type()).isEqualTo(LayerEntry.Type.FILE);
        assertThat(seen.get(4).content()).isEmpty();
        assertThat(seen.get(5).content()).hasSize(100);
        assertThat(seen.get(5).contentTruncated()).isTrue();
    }

    @Test
    void shouldGiveUnwantedFileDataAsStreamWhenHandlerReadsIt() {
        Layer layer = TarLayer.builder().executable("usr/bin/app", "ELF-ish".getBytes(StandardCharsets.UTF_8)).build(LayerCompression.GZIP);
        List<String> data = new ArrayList<>();

        LayerScan scan = LayerReader.read(new ByteArrayInputStream(layer.blob().bytes()), layer.blob().digest(),
                path -> false, (entry, in) -> {
                    assertThat(entry.content()).isNull();
                    data.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    in.close(); // ignored
                    return true;
                }, Limits.defaults(), Deadline.none());

        assertThat(scan.isComplete()).isTrue();
        assertThat(data).containsExactly("ELF-ish");
    }

    @Test
    void shouldStopWithoutPartialWhenHandlerSaysSo() {
        Layer layer = TarLayer.builder().file("a", "1").file("b", "2").build(LayerCompression.GZIP);

        LayerScan scan = LayerReader.read(new ByteArrayInputStream(layer.blob().bytes()), layer.blob().digest(),
                path -> true, (entry, in) -> false, Limits.defaults(), Deadline.none());

        assertThat(scan.stoppedByHandler()).isTrue();
        assertThat(scan.isPartial()).isFalse();
        assertThat(scan.entries()).isEqualTo(1);
    }

    @Test
    void shouldMarkPartialWhenGzipBombExceedsRatio() throws IOException {
        byte[] bomb = gzippedTarOfZeros(64L << 20);

        LayerScan scan = LayerReader.read(new ByteArrayInputStream(bomb), Digests.of(bomb, "sha256:"), path -> true,
                collect, Limits.defaults().withDecompressionRatio(100, 8L << 20), Deadline.none());

        assertThat(scan.partialReason()).isEqualTo(PartialReason.DECOMPRESSION_RATIO);
        assertThat(scan.uncompressedBytes()).isLessThan(9L << 20);
        assertThat(scan.detail()).contains("ratio");
    }

    @Test
    void shouldMarkPartialWhenLayerExceedsByteCap() {
        Layer layer = TarLayer.builder().file("big", "y".repeat(100_000)).build(LayerCompression.NONE);

        LayerScan scan = read(layer, Limits.defaults().withMaxLayerBytes(50_000));

        assertThat(scan.partialReason()).isEqualTo(PartialReason.LAYER_TOO_LARGE);
    }

    @Test
    void shouldMarkPartialWhenBytesAreCorruptOrDigestDiffers() {
        byte[] junk = "this is not a tar at all, not even close................".repeat(20).getBytes(StandardCharsets.UTF_8);
        LayerScan corrupt = LayerReader.read(new ByteArrayInputStream(junk), Digests.of(junk, "sha256:"), p -> true,
                collect, Limits.defaults(), Deadline.none());
        byte[] truncatedGzip = java.util.Arrays.copyOf(TarLayer.builder().file("a", "b".repeat(10_000)).build(LayerCompression.GZIP).blob().bytes(), 40);
        LayerScan truncated = LayerReader.read(new ByteArrayInputStream(truncatedGzip), Digests.of(truncatedGzip, "sha256:"),
                p -> true, collect, Limits.defaults(), Deadline.none());
        Layer layer = TarLayer.builder().file("a", "b").build(LayerCompression.GZIP);
        LayerScan mismatch = LayerReader.read(new ByteArrayInputStream(layer.blob().bytes()), "sha256:" + "0".repeat(64),
                p -> true, collect, Limits.defaults(), Deadline.none());

        assertThat(corrupt.partialReason()).isEqualTo(PartialReason.CORRUPT);
        assertThat(truncated.partialReason()).isEqualTo(PartialReason.CORRUPT);
        assertThat(mismatch.partialReason()).isEqualTo(PartialReason.DIGEST_MISMATCH);
    }

    @Test
    void shouldMarkPartialWhenHandlerThrowsOrDeadlinePassed() throws InterruptedException {
        Layer layer = TarLayer.builder().file("a", "1").build(LayerCompression.GZIP);
        LayerScan failing = LayerReader.read(new ByteArrayInputStream(layer.blob().bytes()), layer.blob().digest(),
                p -> true, (e, in) -> {
                    throw new IllegalStateException("boom");
                }, Limits.defaults(), Deadline.none());
        Deadline past = Deadline.after(Duration.ofMillis(1));
        Thread.sleep(5);
        LayerScan late = LayerReader.read(new ByteArrayInputStream(layer.blob().bytes()), layer.blob().digest(),
                p -> true, collect, Limits.defaults(), past);

        assertThat(failing.partialReason()).isEqualTo(PartialReason.HANDLER_FAILED);
        assertThat(failing.detail()).contains("boom");
        assertThat(late.partialReason()).isEqualTo(PartialReason.TIMED_OUT);
    }

    private LayerScan read(Layer layer, Limits limits) {
        return LayerReader.read(new ByteArrayInputStream(layer.blob().bytes()), layer.blob().digest(),
                path -> !path.contains("bin/"), collect, limits, Deadline.none());
    }

    /** One tar entry of {@code size} zero bytes, gzipped: about 1000:1. Zeros must be file data, not tar padding. */
    static byte[] gzippedTarOfZeros(long size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(bytes, 64 * 1024);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
            TarArchiveEntry entry = new TarArchiveEntry("zeros");
            entry.setSize(size);
            tar.putArchiveEntry(entry);
            byte[] block = new byte[1 << 20];
            for (long written = 0; written < size; written += block.length) {
                tar.write(block, 0, (int) Math.min(block.length, size - written));
            }
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }
}
