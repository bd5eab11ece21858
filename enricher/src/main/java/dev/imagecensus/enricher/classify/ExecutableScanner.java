package dev.imagecensus.enricher.classify;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Streams the bytes of one regular file and, if it is ELF, finds Go build info (header at a 16-byte aligned
 * {@link GoBuildInfoParser#MAGIC}, or framed module info of pre-1.18 binaries) and a BusyBox version banner.
 * Memory is bounded: a 15-byte overlap between chunks plus at most {@code captureLimit} bytes per capture.
 * Not thread-safe; one instance per file.
 */
final class ExecutableScanner {

    private static final byte[] ELF = {0x7f, 'E', 'L', 'F'};
    private static final byte[] BUSYBOX = "BusyBox v".getBytes(StandardCharsets.US_ASCII);
    private static final int OVERLAP = 15; // longest pattern (16-byte sentinel) minus one
    private static final int BUSYBOX_CAPTURE = 40;

    private final int captureLimit;
    private final byte[] probe = new byte[ELF.length];
    private int probed;
    private boolean elf;
    private boolean done;
    private long consumed;
    private byte[] tail = new byte[0];
    private ByteArrayOutputStream header;
    private ByteArrayOutputStream framed;
    private ByteArrayOutputStream banner;
    private GoBuildInfo headerInfo;
    private GoBuildInfo framedInfo;
    private boolean oldFormatHeader;
    private String busyboxVersion;

    ExecutableScanner(int captureLimit) {
        this.captureLimit = captureLimit;
    }

    /** What was found; {@code goBuildInfo} and {@code busyboxVersion} may be null. */
    record Findings(boolean elf, GoBuildInfo goBuildInfo, String busyboxVersion) {
        boolean any() {
            return goBuildInfo != null || busyboxVersion != null;
        }
    }

    /** True once the first bytes showed an ELF file. */
    boolean isElf() {
        return elf;
    }

    /** Feeds the next chunk; returns false once further bytes cannot change the findings. */
    boolean update(byte[] buf, int off, int len) {
        if (done || len <= 0) {
            return !done;
        }
        if (probed < ELF.length) {
            int n = Math.min(len, ELF.length - probed);
            System.arraycopy(buf, off, probe, probed, n);
            probed += n;
            if (probed == ELF.length) {
                elf = Arrays.equals(probe, ELF);
                done = !elf;
            }
        }
        if (done) {
            return false;
        }
        feedCaptures(buf, off, len);
        search(buf, off, len);
        consumed += len;
        checkDone();
        return !done;
    }

    /** The findings so far (call after the last chunk). */
    Findings finish() {
        if (banner != null) {
            busyboxVersion = bannerVersion(banner.toByteArray()); // the file ended within the banner
            banner = null;
        }
        GoBuildInfo go = headerInfo != null ? headerInfo : framedInfo;
        return new Findings(elf, go, busyboxVersion);
    }

    private void feedCaptures(byte[] buf, int off, int len) {
        append(header, captureLimit, buf, off, len);
        append(framed, captureLimit, buf, off, len);
        append(banner, BUSYBOX_CAPTURE, buf, off, len);
        settleCaptures();
    }

    private static void append(ByteArrayOutputStream capture, int limit, byte[] buf, int off, int len) {
        if (capture != null) {
            capture.write(buf, off, Math.min(len, limit - capture.size()));
        }
    }

    private void search(byte[] buf, int off, int len) {
        byte[] window = new byte[tail.length + len];
        System.arraycopy(tail, 0, window, 0, tail.length);
        System.arraycopy(buf, off, window, tail.length, len);
        long windowStart = consumed - tail.length;
        // A stray magic is rejected as soon as its header is complete; then look again further on.
        for (int from = 0; header == null && headerInfo == null && !oldFormatHeader; ) {
            int at = find(window, GoBuildInfoParser.MAGIC, windowStart, true, from);
            if (at < 0) {
                break;
            }
            header = startCapture(window, at, captureLimit);
            settleHeader();
            from = at + 1;
        }
        if (framed == null && framedInfo == null) {
            int at = find(window, GoBuildInfoParser.INFO_START, windowStart, false, 0);
            framed = at < 0 ? null : startCapture(window, at, captureLimit);
        }
        if (banner == null && busyboxVersion == null) {
            int at = find(window, BUSYBOX, windowStart, false, 0);
            banner = at < 0 ? null : startCapture(window, at, BUSYBOX_CAPTURE);
        }
        settleCaptures();
        tail = Arrays.copyOfRange(window, Math.max(0, window.length - OVERLAP), window.length);
    }

    private int find(byte[] window, byte[] pattern, long windowStart, boolean aligned, int start) {
        for (int from = start; ; from++) {
            int at = GoBuildInfoParser.indexOf(window, pattern, from);
            if (at < 0) {
                return -1;
            }
            // Matches lying wholly in the overlap were seen with the previous chunk.
            boolean fresh = at + pattern.length > tail.length;
            boolean alignedOk = !aligned || (windowStart + at) % 16 == 0;
            boolean plausible = !aligned || window.length - at < 16
                    || GoBuildInfoParser.plausibleHeader(Arrays.copyOfRange(window, at, at + 16));
            if (fresh && alignedOk && plausible) {
                return at;
            }
            from = at;
        }
    }

    private static ByteArrayOutputStream startCapture(byte[] window, int at, int limit) {
        ByteArrayOutputStream capture = new ByteArrayOutputStream();
        capture.write(window, at, Math.min(window.length - at, limit));
        return capture;
    }

    private void settleHeader() {
        if (header == null) {
            return;
        }
        byte[] blob = header.toByteArray();
        if (blob.length >= 16 && !GoBuildInfoParser.plausibleHeader(blob)) {
            header = null; // a stray copy of the magic (e.g. inside debug/buildinfo's own code)
        } else if (blob.length >= 16 && (blob[15] & 2) == 0) {
            oldFormatHeader = true; // pre-1.18: pointers only; the framed module info is the source
            header = null;
        } else {
            Optional<GoBuildInfo> info = GoBuildInfoParser.parseHeader(blob);
            if (info.isPresent()) {
                headerInfo = info.get();
                header = null;
            } else if (GoBuildInfoParser.headerComplete(blob) || blob.length >= captureLimit) {
                header = null;
            }
        }
    }

    private void settleCaptures() {
        settleHeader();
        if (framed != null) {
            Optional<GoBuildInfo> info = GoBuildInfoParser.parseFramed(framed.toByteArray());
            if (info.isPresent() || framed.size() >= captureLimit) {
                framedInfo = info.orElse(null);
                framed = null;
            }
        }
        if (banner != null && banner.size() >= BUSYBOX_CAPTURE) {
            busyboxVersion = bannerVersion(banner.toByteArray());
            banner = null;
        }
    }

    private void checkDone() {
        // A Go binary is never busybox: once its build info is complete nothing more is needed.
        done = headerInfo != null || (framedInfo != null && oldFormatHeader);
    }

    private static String bannerVersion(byte[] banner) {
        String text = new String(banner, BUSYBOX.length, banner.length - BUSYBOX.length, StandardCharsets.ISO_8859_1);
        int end = 0;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || ".-_".indexOf(text.charAt(end)) >= 0)) {
            end++;
        }
        return end > 0 && Character.isDigit(text.charAt(0)) ? text.substring(0, end) : null;
    }
}
