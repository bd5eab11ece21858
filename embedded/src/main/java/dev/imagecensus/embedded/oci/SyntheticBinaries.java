package dev.imagecensus.embedded.oci;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

/**
 * Tiny stand-ins for executables: an ELF magic and padding, plus what scanners look for. Not runnable, only
 * scannable, and byte-for-byte stable.
 */
public final class SyntheticBinaries {

    /** Go's build-info magic, {@code "\xff Go buildinf:"}. */
    static final byte[] GO_BUILDINFO_MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
    // cmd/go's sentinels around the module info text (src/cmd/go/internal/modload/build.go).
    private static final byte[] INFO_START = HexFormat.of().parseHex("3077af0c9274080241e1c107e6d618e6");
    private static final byte[] INFO_END = HexFormat.of().parseHex("f932433186182072008242104116d8f2");
    private static final byte[] ELF_IDENT = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
    private static final int BUILDINFO_OFFSET = 0x100; // any 16-byte aligned offset works for scanners
    private static final int FLAG_INLINE_STRINGS = 2;

    private SyntheticBinaries() {
    }

    /** An ELF file with nothing of interest: an application binary of a scratch image. */
    public static byte[] plainElf(String marker) {
        ByteArrayOutputStream out = elfHeader();
        write(out, ("\0synthetic application " + marker + "\0").getBytes(StandardCharsets.US_ASCII));
        pad(out, 256);
        return out.toByteArray();
    }

    /** An ELF file carrying a BusyBox version banner, as {@code bin/busybox} does. */
    public static byte[] busybox(String version) {
        ByteArrayOutputStream out = elfHeader();
        write(out, ("\0BusyBox v" + version + " (2024-01-01 00:00:00 UTC) multi-call binary.\0")
                .getBytes(StandardCharsets.US_ASCII));
        pad(out, 256);
        return out.toByteArray();
    }

    /**
     * A Go binary's build info as Go 1.18+ writes it: at a 16-byte aligned offset the 32-byte header (magic,
     * pointer size 8, flags with "inline strings"), then the varint-prefixed toolchain version and the
     * varint-prefixed module info framed by cmd/go's sentinels. Settings become {@code build\tKEY=VALUE} lines.
     */
    public static byte[] goBinary(String goVersion, String mainPath, Map<String, String> buildSettings) {
        StringBuilder modinfo = new StringBuilder()
                .append("path\t").append(mainPath).append('\n')
                .append("mod\t").append(mainPath).append("\t(devel)\t\n");
        buildSettings.forEach((k, v) -> modinfo.append("build\t").append(k).append('=').append(v).append('\n'));
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        write(framed, INFO_START);
        write(framed, modinfo.toString().getBytes(StandardCharsets.UTF_8));
        write(framed, INFO_END);

        ByteArrayOutputStream out = elfHeader();
        pad(out, BUILDINFO_OFFSET);
        write(out, GO_BUILDINFO_MAGIC);
        out.write(8); // pointer size
        out.write(FLAG_INLINE_STRINGS);
        write(out, new byte[16]); // rest of the 32-byte header
        byte[] version = goVersion.getBytes(StandardCharsets.UTF_8);
        varint(out, version.length);
        write(out, version);
        varint(out, framed.size());
        write(out, framed.toByteArray());
        pad(out, (out.size() + 255) / 256 * 256);
        return out.toByteArray();
    }

    private static ByteArrayOutputStream elfHeader() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, ELF_IDENT);
        pad(out, 64);
        return out;
    }

    private static void varint(ByteArrayOutputStream out, int value) {
        int v = value;
        while (v >= 0x80) {
            out.write((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    private static void pad(ByteArrayOutputStream out, int size) {
        while (out.size() < size) {
            out.write(0);
        }
    }

    private static void write(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes, 0, bytes.length);
    }
}
