package dev.imagecensus.embedded.oci;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Builds a layer tar in memory, entry by entry, exactly as written: symlinks stay symlinks, whiteouts are the
 * {@code .wh.} files of the OCI layer spec. Owner root, fixed mtime and no user names from the build machine,
 * so the same entries always give the same bytes and digests.
 */
public final class TarLayer {

    /** The mtime of every entry. */
    public static final Instant MTIME = Instant.parse("2024-01-01T00:00:00Z");

    private record Entry(String name, byte type, String linkName, byte[] data, int mode) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private String prefix = "";

    private TarLayer() {
    }

    public static TarLayer builder() {
        return new TarLayer();
    }

    /** Writes names as {@code ./etc/os-release} (as some build tools do) instead of {@code etc/os-release}. */
    public TarLayer dotSlashNames() {
        prefix = "./";
        return this;
    }

    public TarLayer directory(String path) {
        return add(path.endsWith("/") ? path : path + "/", TarConstants.LF_DIR, null, new byte[0], 0755);
    }

    public TarLayer file(String path, String text) {
        return file(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public TarLayer file(String path, byte[] data) {
        return add(path, TarConstants.LF_NORMAL, null, data, 0644);
    }

    public TarLayer executable(String path, byte[] data) {
        return add(path, TarConstants.LF_NORMAL, null, data, 0755);
    }

    /** A symbolic link at {@code path} pointing at {@code target} (absolute or relative to its directory). */
    public TarLayer symlink(String path, String target) {
        return add(path, TarConstants.LF_SYMLINK, target, new byte[0], 0777);
    }

    /** A hard link at {@code path} to the archive path {@code target}. */
    public TarLayer hardlink(String path, String target) {
        return add(path, TarConstants.LF_LINK, prefix + target, new byte[0], 0755);
    }

    /** A whiteout: {@code dir/.wh.name} deletes {@code dir/name} of the layers below. */
    public TarLayer whiteout(String path) {
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "" : path.substring(0, slash + 1);
        return add(dir + ".wh." + path.substring(slash + 1), TarConstants.LF_NORMAL, null, new byte[0], 0644);
    }

    /** An opaque whiteout: {@code dir/.wh..wh..opq} hides everything the layers below have in {@code dir}. */
    public TarLayer opaque(String dir) {
        return add((dir.endsWith("/") ? dir : dir + "/") + ".wh..wh..opq", TarConstants.LF_NORMAL, null,
                new byte[0], 0644);
    }

    private TarLayer add(String name, byte type, String linkName, byte[] data, int mode) {
        entries.add(new Entry(prefix + name, type, linkName, data, mode));
        return this;
    }

    /** The uncompressed tar. */
    public byte[] tar() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Entry e : entries) {
                TarArchiveEntry entry = new TarArchiveEntry(e.name(), e.type());
                if (e.linkName() != null) {
                    entry.setLinkName(e.linkName());
                }
                entry.setMode(modeBits(e.type()) | e.mode());
                entry.setModTime(MTIME.toEpochMilli());
                entry.setIds(0, 0);
                entry.setNames("root", "root");
                entry.setSize(e.data().length);
                tar.putArchiveEntry(entry);
                tar.write(e.data());
                tar.closeArchiveEntry();
            }
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a tar in memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** The tar, compressed, with its diff id. */
    public Layer build(LayerCompression compression) {
        byte[] tar = tar();
        return new Layer(Blob.of(compression.mediaType(false), compression.compress(tar)), Blob.sha256(tar), compression);
    }

    private static int modeBits(byte type) {
        return switch (type) {
            case TarConstants.LF_DIR -> 0040000;
            case TarConstants.LF_SYMLINK -> 0120000;
            default -> 0100000;
        };
    }
}
