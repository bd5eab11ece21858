package dev.imagecensus.enricher.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The interesting part of an image's merged file tree, as {@link LayerMerger} built it. Lookups resolve symlinks
 * in every path component, absolute and relative, at most {@link #MAX_SYMLINK_HOPS} times (the kernel's limit),
 * so a loop yields "not found" instead of hanging.
 */
public final class MergedView {

    /** Symlinks followed per lookup before giving up, as Linux's MAXSYMLINKS. */
    public static final int MAX_SYMLINK_HOPS = 40;

    private final NavigableMap<String, FileFact> tree;

    MergedView(TreeMap<String, FileFact> tree) {
        this.tree = Collections.unmodifiableNavigableMap(new TreeMap<>(tree));
    }

    /** A file found by {@link #lookup(String)}: its real path after symlinks, and its fact. */
    public record Resolved(String path, FileFact fact) {
    }

    /** Every merged path and its fact, sorted by path; symlinks unresolved. */
    public Map<String, FileFact> entries() {
        return tree;
    }

    /** The non-link file that {@code path} leads to, following symlinks; empty when absent, dangling or a loop. */
    public Optional<Resolved> lookup(String path) {
        String real = resolve(ImagePaths.normalize(path));
        if (real == null) {
            return Optional.empty();
        }
        FileFact fact = tree.get(real);
        return fact == null || fact.kind() == FileFact.Kind.SYMLINK
                ? Optional.empty() : Optional.of(new Resolved(real, fact));
    }

    /** The real path {@code path} leads to after symlinks, or null on a loop. */
    String resolve(String path) {
        String pending = path;
        for (int hops = 0; hops <= MAX_SYMLINK_HOPS; hops++) {
            String next = followFirstLink(pending);
            if (next == null) {
                return pending;
            }
            pending = next;
        }
        return null;
    }

    /** Files with content directly in {@code dir} after resolving {@code dir}, sorted by name (OpenSSL's include order). */
    public List<Resolved> contentFilesIn(String dir) {
        String real = resolve(ImagePaths.normalize(dir));
        List<Resolved> found = new ArrayList<>();
        if (real == null) {
            return found;
        }
        String prefix = real.isEmpty() ? "" : real + "/";
        for (Map.Entry<String, FileFact> e : tree.tailMap(prefix, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            if (ImagePaths.parent(e.getKey()).equals(real)) {
                lookup(e.getKey()).filter(r -> r.fact().kind() == FileFact.Kind.CONTENT).ifPresent(found::add);
            }
        }
        return found;
    }

    /** Rewrites {@code path} through its first symlink component; null when no component is a symlink. */
    private String followFirstLink(String path) {
        if (path.isEmpty()) {
            return null;
        }
        String[] parts = path.split("/");
        String current = "";
        for (int i = 0; i < parts.length; i++) {
            current = ImagePaths.join(current, parts[i]);
            FileFact fact = tree.get(current);
            if (fact != null && fact.kind() == FileFact.Kind.SYMLINK) {
                String target = ImagePaths.resolveLink(current, fact.linkTarget());
                String rest = String.join("/", Arrays.copyOfRange(parts, i + 1, parts.length));
                return rest.isEmpty() ? target : ImagePaths.join(target, rest);
            }
        }
        return null;
    }
}
