package dev.imagecensus.enricher.classify;

import java.util.ArrayDeque;
import java.util.Deque;

/** Path arithmetic inside an image's file tree: relative to the root, '/'-separated, no '.' or '..' segments. */
final class ImagePaths {

    private ImagePaths() {
    }

    /**
     * Normalises a tar entry name or link target: drops leading "./" and "/", collapses "//", resolves "." and
     * ".." lexically and never above the root (a hostile "../../etc" stays inside the image).
     */
    static String normalize(String raw) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : raw.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    /** The directory holding {@code path}; "" for a top-level entry. */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The last segment of {@code path}. */
    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Where a symlink at {@code linkPath} with {@code target} leads: absolute from the root, relative from its directory. */
    static String resolveLink(String linkPath, String target) {
        return target.startsWith("/") ? normalize(target) : normalize(parent(linkPath) + "/" + target);
    }

    /** {@code child} joined under {@code dir} ("" is the root). */
    static String join(String dir, String child) {
        return dir.isEmpty() ? child : dir + "/" + child;
    }
}
