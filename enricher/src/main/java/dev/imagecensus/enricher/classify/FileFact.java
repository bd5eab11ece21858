package dev.imagecensus.enricher.classify;

import java.util.Objects;

/**
 * What one layer says about one path. Plain strings so a {@link LayerFacts} serialises and compares by value.
 *
 * @param kind           what the entry is
 * @param text           the UTF-8 content of a {@link Kind#CONTENT} file, null otherwise
 * @param truncated      true when {@code text} holds only the first {@link ScanBounds#maxFileBytes()} bytes
 * @param linkTarget     the target of a {@link Kind#SYMLINK} (as written) or {@link Kind#HARDLINK} (normalised)
 * @param goBuildInfo    build info of a Go {@link Kind#EXECUTABLE}, null otherwise
 * @param busyboxVersion the BusyBox banner version of an executable or marker, null when none was seen
 * @param size           the entry's size in bytes
 */
public record FileFact(Kind kind, String text, boolean truncated, String linkTarget, GoBuildInfo goBuildInfo,
                       String busyboxVersion, long size) {

    /** The kinds of facts kept. */
    public enum Kind {
        /** An interesting file with (possibly truncated) content. */
        CONTENT,
        /** A file whose presence is the fact ({@link MarkerKind}), or a hard link whose target was not kept. */
        MARKER,
        /** A symbolic link at a structural path. */
        SYMLINK,
        /** A hard link at an interesting path, resolved while merging. */
        HARDLINK,
        /** An ELF file with Go build info or a BusyBox banner. */
        EXECUTABLE,
        /** An ELF file larger than {@link ScanBounds#maxExecutableBytes()}, so not scanned. */
        UNSCANNED
    }

    public FileFact {
        Objects.requireNonNull(kind, "kind");
    }

    static FileFact content(String text, boolean truncated, long size) {
        return new FileFact(Kind.CONTENT, Objects.requireNonNull(text), truncated, null, null, null, size);
    }

    static FileFact marker(String busyboxVersion, long size) {
        return new FileFact(Kind.MARKER, null, false, null, null, busyboxVersion, size);
    }

    static FileFact symlink(String target) {
        return new FileFact(Kind.SYMLINK, null, false, Objects.requireNonNull(target), null, null, 0);
    }

    static FileFact hardlink(String target) {
        return new FileFact(Kind.HARDLINK, null, false, Objects.requireNonNull(target), null, null, 0);
    }

    static FileFact executable(GoBuildInfo goBuildInfo, String busyboxVersion, long size) {
        return new FileFact(Kind.EXECUTABLE, null, false, null, goBuildInfo, busyboxVersion, size);
    }

    static FileFact unscanned(long size) {
        return new FileFact(Kind.UNSCANNED, null, false, null, null, null, size);
    }
}
