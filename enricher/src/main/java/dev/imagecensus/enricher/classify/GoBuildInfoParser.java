package dev.imagecensus.enricher.classify;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes Go build info (the format of Go's {@code debug/buildinfo}). Since Go 1.18 a 32-byte header
 * ({@link #MAGIC}, pointer size, flags) sits 16-byte aligned in {@code .go.buildinfo}; with flag bit 2 it is
 * followed by two varint-prefixed strings, the toolchain version and the module info. The module info is framed
 * by two 16-byte sentinels ({@link #INFO_START}, {@link #INFO_END}); older binaries hold it framed the same way
 * elsewhere in read-only data, which is how they are read here.
 */
final class GoBuildInfoParser {

    /** The build-info magic, {@code "\xff Go buildinf:"}. */
    static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
    /** cmd/go's infoStart sentinel before the module info text. */
    static final byte[] INFO_START = hex("3077af0c9274080241e1c107e6d618e6");
    /** cmd/go's infoEnd sentinel after the module info text. */
    static final byte[] INFO_END = hex("f932433186182072008242104116d8f2");
    static final int HEADER_SIZE = 32;
    private static final int FLAG_INLINE_STRINGS = 2;

    private GoBuildInfoParser() {
    }

    /** True when {@code header} (at least 16 bytes from the magic) has a sane pointer size and flags. */
    static boolean plausibleHeader(byte[] header) {
        return header.length >= 16 && (header[14] == 4 || header[14] == 8) && (header[15] & ~3) == 0;
    }

    /**
     * Decodes a blob starting at {@link #MAGIC}. Empty when the header is not the inline-strings format (pre-1.18)
     * or the blob was cut before the module info ends.
     */
    static Optional<GoBuildInfo> parseHeader(byte[] blob) {
        if (blob.length < HEADER_SIZE || !plausibleHeader(blob) || (blob[15] & FLAG_INLINE_STRINGS) == 0) {
            return Optional.empty();
        }
        int[] pos = {HEADER_SIZE};
        byte[] version = readString(blob, pos);
        byte[] modinfo = version == null ? null : readString(blob, pos);
        String goVersion = version == null ? "" : new String(version, StandardCharsets.UTF_8);
        // Random bytes after a stray magic can decode as two strings; a real header holds a toolchain
        // version and either no module info or framed module info.
        boolean framedOrEmpty = modinfo != null && (modinfo.length == 0 || startsWith(modinfo, INFO_START));
        if (!framedOrEmpty || !(goVersion.startsWith("go") || goVersion.startsWith("devel "))) {
            return Optional.empty();
        }
        return Optional.of(parseModinfo(goVersion, unframe(modinfo)));
    }

    /** True when {@code blob} holds both header strings in full, so a failed {@link #parseHeader} is final. */
    static boolean headerComplete(byte[] blob) {
        if (blob.length < HEADER_SIZE) {
            return false;
        }
        int[] pos = {HEADER_SIZE};
        return readString(blob, pos) != null && readString(blob, pos) != null;
    }

    /** Decodes framed module info ({@link #INFO_START} … {@link #INFO_END}) found without a usable header. */
    static Optional<GoBuildInfo> parseFramed(byte[] framed) {
        int end = indexOf(framed, INFO_END, INFO_START.length);
        if (!startsWith(framed, INFO_START) || end < 0) {
            return Optional.empty();
        }
        return Optional.of(parseModinfo(null,
                new String(framed, INFO_START.length, end - INFO_START.length, StandardCharsets.UTF_8)));
    }

    /** Parses {@code go version -m} text lines: {@code path}, {@code mod}, {@code dep}, {@code build key=value}. */
    static GoBuildInfo parseModinfo(String goVersion, String modinfo) {
        String mainPath = null;
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : modinfo.split("\n")) {
            if (line.startsWith("path\t")) {
                mainPath = line.substring(5);
            } else if (line.startsWith("build\t")) {
                putSetting(settings, line.substring(6));
            }
        }
        return new GoBuildInfo(goVersion, mainPath, settings);
    }

    private static void putSetting(Map<String, String> settings, String keyValue) {
        // A key with '=', space or quote is Go-quoted; the value is quoted when it holds spaces or quotes.
        int eq;
        String key;
        if (keyValue.startsWith("\"")) {
            int close = GoStrings.closingQuote(keyValue);
            if (close < 0 || close + 1 >= keyValue.length() || keyValue.charAt(close + 1) != '=') {
                return;
            }
            key = GoStrings.unquote(keyValue.substring(0, close + 1));
            eq = close + 1;
        } else {
            eq = keyValue.indexOf('=');
            if (eq <= 0) {
                return;
            }
            key = keyValue.substring(0, eq);
        }
        String value = keyValue.substring(eq + 1);
        settings.put(key, value.startsWith("\"") ? GoStrings.unquote(value) : value);
    }

    private static String unframe(byte[] modinfo) {
        // Same rule as debug/buildinfo: strip the sentinels when present, else there is no module info.
        int n = modinfo.length;
        if (n >= 33 && startsWith(modinfo, INFO_START)) {
            return new String(modinfo, 16, n - 32, StandardCharsets.UTF_8);
        }
        return "";
    }

    private static byte[] readString(byte[] blob, int[] pos) {
        long length = 0;
        int shift = 0;
        while (true) {
            if (pos[0] >= blob.length || shift > 28) {
                return null;
            }
            int b = blob[pos[0]++] & 0xff;
            length |= (long) (b & 0x7f) << shift;
            if (b < 0x80) {
                break;
            }
            shift += 7;
        }
        if (length > blob.length - pos[0]) {
            return null;
        }
        byte[] value = Arrays.copyOfRange(blob, pos[0], pos[0] + (int) length);
        pos[0] += (int) length;
        return value;
    }

    static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    static int indexOf(byte[] data, byte[] pattern, int from) {
        return indexOf(data, data.length, pattern, from);
    }

    /** First index of {@code pattern} in {@code data[from, limit)}, or -1. */
    static int indexOf(byte[] data, int limit, byte[] pattern, int from) {
        byte first = pattern[0];
        for (int i = Math.max(from, 0); i <= limit - pattern.length; i++) {
            if (data[i] == first
                    && Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] hex(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
