package dev.imagecensus.enricher.classify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link LayerFacts} of ONE layer from its tar entries, in archive order. The layer reader calls
 * {@link #accept(TarEntry, InputStream)} for every entry with the stream positioned at the entry's data; this
 * class reads only what it needs (interesting files up to {@link ScanBounds#maxFileBytes()}, ELF files for Go
 * build info) and never closes the stream, so the reader just moves on to the next header. Pure: no I/O
 * beyond the stream it is handed. Not thread-safe; one instance per layer.
 */
public final class LayerScanner {

    private static final String WHITEOUT_PREFIX = ".wh.";
    private static final String OPAQUE_MARKER = ".wh..wh..opq";
    private static final String AUFS_META_PREFIX = ".wh..wh.";
    private static final int MIN_EXECUTABLE_BYTES = 64;
    private static final int CHUNK = 64 * 1024;

    private final ScanBounds bounds;
    private final Map<String, FileFact> files = new HashMap<>();
    private final Set<String> directories = new HashSet<>();
    private final Set<String> whiteouts = new HashSet<>();
    private final Set<String> opaqueDirs = new HashSet<>();
    private int contentFiles;
    private int auxFiles;
    private int executables;
    private int links;
    private String partialReason;

    /** A scanner with {@link ScanBounds#defaults()}. */
    public LayerScanner() {
        this(ScanBounds.defaults());
    }

    public LayerScanner(ScanBounds bounds) {
        this.bounds = bounds;
    }

    /**
     * Takes one tar entry.
     *
     * @param content the entry's data, positioned at its start; read at most {@code entry.size()} bytes and not
     *                closed. May be null for entries without data.
     * @throws IOException when reading {@code content} fails; the reader decides whether the layer is partial
     */
    public void accept(TarEntry entry, InputStream content) throws IOException {
        String path = ImagePaths.normalize(entry.path());
        String name = ImagePaths.name(path);
        if (path.isEmpty()) {
            return;
        }
        if (name.startsWith(WHITEOUT_PREFIX)) {
            whiteout(path, name);
            return;
        }
        switch (entry.type()) {
            case DIRECTORY -> {
                if (InterestingPaths.isStructural(path) && countLink()) {
                    directories.add(path);
                }
            }
            case SYMLINK -> {
                if (InterestingPaths.isStructural(path) && countLink()) {
                    files.put(path, FileFact.symlink(entry.linkTarget()));
                }
            }
            case HARDLINK -> {
                if (InterestingPaths.isStructural(path) && countLink()) {
                    files.put(path, FileFact.hardlink(ImagePaths.normalize(entry.linkTarget())));
                }
            }
            case FILE -> file(path, entry.size(), content == null ? InputStream.nullInputStream() : content);
            case OTHER -> { }
        }
    }

    /** Convenience for callers (and tests) holding the whole content. */
    public void accept(TarEntry entry, byte[] content) {
        try {
            accept(entry, content == null ? null : new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
    }

    /** An entry without data (directory, link). */
    public void accept(TarEntry entry) {
        accept(entry, (byte[]) null);
    }

    /** Records that the reader stopped early (size, ratio or time bound); the facts become partial. */
    public void markPartial(String reason) {
        if (partialReason == null) {
            partialReason = reason;
        }
    }

    /** The facts of the layer; the scanner must not be used afterwards. */
    public LayerFacts finish() {
        return new LayerFacts(files, directories, whiteouts, opaqueDirs, partialReason != null, partialReason);
    }

    private void whiteout(String path, String name) {
        String dir = ImagePaths.parent(path);
        if (name.equals(OPAQUE_MARKER)) {
            if (countLink()) {
                opaqueDirs.add(dir);
            }
        } else if (!name.startsWith(AUFS_META_PREFIX) && countLink()) {
            whiteouts.add(ImagePaths.join(dir, name.substring(WHITEOUT_PREFIX.length())));
        }
    }

    private void file(String path, long size, InputStream content) throws IOException {
        switch (InterestingPaths.interest(path)) {
            case CONTENT -> {
                if (contentFiles++ >= bounds.maxContentFiles()) {
                    markPartial("more than " + bounds.maxContentFiles() + " interesting files in one layer");
                } else {
                    files.put(path, readContent(size, content));
                }
            }
            case AUX_CONTENT -> {
                if (auxFiles++ < bounds.maxAuxFiles()) {
                    files.put(path, readContent(size, content));
                }
            }
            case MARKER -> {
                boolean busybox = InterestingPaths.BUSYBOX.contains(path);
                String version = busybox ? scan(size, content).busyboxVersion() : null;
                files.put(path, FileFact.marker(version, size));
            }
            case NONE -> executable(path, size, content);
        }
    }

    private FileFact readContent(long size, InputStream content) throws IOException {
        byte[] bytes = content.readNBytes(bounds.maxFileBytes() + 1);
        boolean truncated = bytes.length > bounds.maxFileBytes();
        int kept = Math.min(bytes.length, bounds.maxFileBytes());
        return FileFact.content(new String(bytes, 0, kept, StandardCharsets.UTF_8), truncated, size);
    }

    private void executable(String path, long size, InputStream content) throws IOException {
        if (size < MIN_EXECUTABLE_BYTES) {
            return;
        }
        FileFact fact;
        if (size > bounds.maxExecutableBytes()) {
            byte[] magic = content.readNBytes(4);
            fact = Arrays.equals(magic, new byte[] {0x7f, 'E', 'L', 'F'}) ? FileFact.unscanned(size) : null;
        } else {
            ExecutableScanner.Findings findings = scan(size, content);
            fact = findings.any() ? FileFact.executable(findings.goBuildInfo(), findings.busyboxVersion(), size) : null;
        }
        if (fact == null) {
            return;
        }
        if (executables++ >= bounds.maxExecutables()) {
            markPartial("more than " + bounds.maxExecutables() + " executables with findings in one layer");
        } else {
            files.put(path, fact);
        }
    }

    private ExecutableScanner.Findings scan(long size, InputStream content) throws IOException {
        ExecutableScanner scanner = new ExecutableScanner(bounds.maxBuildInfoBytes());
        byte[] buf = new byte[(int) Math.min(CHUNK, Math.max(size, 1))];
        long remaining = Math.min(size, bounds.maxExecutableBytes());
        while (remaining > 0) {
            int n = content.read(buf, 0, (int) Math.min(buf.length, remaining));
            if (n < 0 || !scanner.update(buf, 0, n)) {
                break;
            }
            remaining -= n;
        }
        return scanner.finish();
    }

    private boolean countLink() {
        if (links++ < bounds.maxLinks()) {
            return true;
        }
        markPartial("more than " + bounds.maxLinks() + " links, directories and whiteouts in one layer");
        return false;
    }
}
