package dev.imagecensus.enricher.classify;

import java.util.Objects;

/**
 * One tar header as the layer reader sees it.
 *
 * @param path       the entry name as written in the archive ("./etc/os-release", "etc/", ...)
 * @param type       what the entry is
 * @param linkTarget the target of a symlink or hard link, null otherwise
 * @param size       the content size in bytes (0 for non-files)
 */
public record TarEntry(String path, EntryType type, String linkTarget, long size) {

    public TarEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        if ((type == EntryType.SYMLINK || type == EntryType.HARDLINK) && linkTarget == null) {
            throw new IllegalArgumentException("a " + type + " needs a link target: " + path);
        }
    }

    /** A regular file of {@code size} bytes. */
    public static TarEntry file(String path, long size) {
        return new TarEntry(path, EntryType.FILE, null, size);
    }

    /** A directory. */
    public static TarEntry directory(String path) {
        return new TarEntry(path, EntryType.DIRECTORY, null, 0);
    }

    /** A symbolic link to {@code target}. */
    public static TarEntry symlink(String path, String target) {
        return new TarEntry(path, EntryType.SYMLINK, target, 0);
    }

    /** A hard link to the archive path {@code target}. */
    public static TarEntry hardlink(String path, String target) {
        return new TarEntry(path, EntryType.HARDLINK, target, 0);
    }
}
