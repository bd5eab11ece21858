package dev.imagecensus.enricher.classify;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Test fixture: byte arrays shaped like Go ELF executables. An ELF header, deterministic filler (with a stray,
 * unaligned copy of the build-info magic, as binaries that import debug/buildinfo have), then the
 * {@code .go.buildinfo} blob at a 16-byte aligned offset, then more filler.
 */
final class GoBinaries {

    static final String MAIN = "path\texample.com/payments/cmd/server\n"
            + "mod\texample.com/payments\t(devel)\t\n"
            + "dep\tgolang.org/x/crypto\tv0.31.0\th1:ih15GRdVZFpIhYXYsm0CpLhlbmtxACYCjXaQwIRgE6Y=\n"
            + "dep\tgolang.org/x/sys\tv0.28.0\th1:Fksou7UEQUWlKvIdsqzJmUmCX3cZuD2+P3XyyzwMhlA=\n"
            + "build\t-buildmode=exe\n"
            + "build\t-compiler=gc\n"
            + "build\t-ldflags=\"-s -w -X main.version=1.4.2\"\n";

    private GoBinaries() {
    }

    /** A Go 1.18+ binary (inline build-info strings) built with {@code settings} (each "key=value"). */
    static byte[] modern(String goVersion, String... settings) {
        ByteArrayOutputStream out = elfPrefix(8192);
        out.writeBytes(GoBuildInfoParser.MAGIC);
        out.write(8);      // pointer size
        out.write(2);      // flags: little endian, inline strings
        out.writeBytes(new byte[16]);
        writeString(out, goVersion.getBytes(StandardCharsets.UTF_8));
        writeString(out, framedModinfo(settings));
        out.writeBytes(filler(20_000, 2));
        return out.toByteArray();
    }

    /**
     * Like {@link #modern}, but with an aligned, plausible-looking copy of the magic before the real blob, as a
     * binary embedding debug/buildinfo test data could have; its "strings" are garbage.
     */
    static byte[] modernWithDecoy(String goVersion, String... settings) {
        byte[] real = modern(goVersion, settings);
        byte[] decoy = new byte[GoBuildInfoParser.HEADER_SIZE + 10];
        System.arraycopy(GoBuildInfoParser.MAGIC, 0, decoy, 0, GoBuildInfoParser.MAGIC.length);
        decoy[14] = 8;
        decoy[15] = 2;
        decoy[32] = 3;
        decoy[33] = 'x';
        decoy[34] = 'y';
        decoy[35] = 'z';
        decoy[36] = 2;
        System.arraycopy(decoy, 0, real, 4096, decoy.length);
        return real;
    }

    /** A pre-1.18 binary: pointer-format header, module info framed elsewhere in read-only data. */
    static byte[] legacy(String... settings) {
        ByteArrayOutputStream out = elfPrefix(4096);
        out.writeBytes(framedModinfo(settings));
        out.writeBytes(filler(16 - out.size() % 16, 3));
        out.writeBytes(GoBuildInfoParser.MAGIC);
        out.write(8);
        out.write(0);      // flags: little endian, pointers only
        out.writeBytes(new byte[16]);
        out.writeBytes(filler(5_000, 4));
        return out.toByteArray();
    }

    /** An ELF file that is not a Go binary. */
    static byte[] plainElf() {
        ByteArrayOutputStream out = elfPrefix(4096);
        out.writeBytes(filler(4096, 5));
        return out.toByteArray();
    }

    /** A busybox binary with its version banner. */
    static byte[] busybox(String version) {
        ByteArrayOutputStream out = elfPrefix(2048);
        out.writeBytes(("BusyBox v" + version + " (2024-06-01 10:00:00 UTC) multi-call binary.").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(filler(2048, 6));
        return out.toByteArray();
    }

    private static ByteArrayOutputStream elfPrefix(int alignedLength) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        out.writeBytes(new byte[56]);
        out.writeBytes(filler(1000 - out.size(), 1));
        out.writeBytes(GoBuildInfoParser.MAGIC); // stray copy at offset 1000: not 16-byte aligned
        out.writeBytes(filler(alignedLength - out.size(), 7));
        return out;
    }

    private static byte[] framedModinfo(String... settings) {
        StringBuilder text = new StringBuilder(MAIN);
        for (String setting : settings) {
            text.append("build\t").append(setting).append('\n');
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(GoBuildInfoParser.INFO_START);
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(GoBuildInfoParser.INFO_END);
        return out.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, byte[] value) {
        int length = value.length;
        while (length >= 0x80) {
            out.write((length & 0x7f) | 0x80);
            length >>>= 7;
        }
        out.write(length);
        out.writeBytes(value);
    }

    /** Deterministic bytes that never contain 0xff, so no accidental magic or sentinel appears. */
    private static byte[] filler(int length, long seed) {
        byte[] bytes = new byte[Math.max(length, 0)];
        Random random = new Random(seed);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(0x30);
        }
        return bytes;
    }
}
