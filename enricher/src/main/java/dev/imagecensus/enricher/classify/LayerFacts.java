package dev.imagecensus.enricher.classify;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one layer holds that classification needs: the interesting files, whiteouts, opaque directories,
 * structural symlinks and directories, and Go executables. Depends only on the layer's bytes, so it can be
 * cached by layer digest and shared by every image built on that layer; records of strings, sorted, so it
 * serialises deterministically and compares by value. Cache only facts that are not {@link #partial()}.
 *
 * @param files         normalised path → fact, for files, markers, symlinks, hard links and executables
 * @param directories   directories at structural paths (a directory entry replaces a lower symlink)
 * @param whiteouts     paths this layer deletes from the layers below ({@code .wh.<name>})
 * @param opaqueDirs    directories whose lower content this layer hides ({@code .wh..wh..opq}); "" is the root
 * @param partial       true when a bound stopped the scan of this layer
 * @param partialReason why, when partial
 */
public record LayerFacts(Map<String, FileFact> files, Set<String> directories, Set<String> whiteouts,
                         Set<String> opaqueDirs, boolean partial, String partialReason) {

    public LayerFacts {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
        directories = Collections.unmodifiableSet(new TreeSet<>(directories));
        whiteouts = Collections.unmodifiableSet(new TreeSet<>(whiteouts));
        opaqueDirs = Collections.unmodifiableSet(new TreeSet<>(opaqueDirs));
        if (partial && partialReason == null) {
            throw new IllegalArgumentException("a partial layer needs a reason");
        }
    }

    /** A layer with nothing of interest. */
    public static LayerFacts empty() {
        return new LayerFacts(Map.of(), Set.of(), Set.of(), Set.of(), false, null);
    }
}
