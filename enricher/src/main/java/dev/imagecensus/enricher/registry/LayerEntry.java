package dev.imagecensus.enricher.registry;

import java.util.Objects;

/**
 * One tar entry of a layer, as written (whiteouts are plain files named {@code .wh.*}; interpreting them is the
 * classifier's job).
 *
 * @param path             normalised: no leading {@code ./} or {@code /}, no trailing {@code /}
 * @param linkTarget       a symlink's or hard link's target exactly as written, null otherwise
 * @param size             the content size in the archive (0 for links and directories)
 * @param content          the first bytes of a regular file whose path was wanted, else null
 * @param contentTruncated true when {@code content} holds fewer than {@code size} bytes (the content cap)
 */
public record LayerEntry(String path, Type type, String linkTarget, long size, int mode, byte[] content,
                         boolean contentTruncated) {

    /** What an entry is. */
    public enum Type { FILE, DIRECTORY, SYMLINK, HARDLINK, OTHER }

    public LayerEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
    }

    /** {@code etc/os-release} for {@code ./etc/os-release}, {@code /etc/}, {@code etc//os-release}... */
    public static String normalise(String name) {
        String p = name.replace("//", "/");
        while (p.startsWith("./") || p.startsWith("/")) {
            p = p.startsWith("./") ? p.substring(2) : p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.equals(".") ? "" : p;
    }
}
