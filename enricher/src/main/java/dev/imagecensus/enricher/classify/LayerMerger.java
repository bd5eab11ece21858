package dev.imagecensus.enricher.classify;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Merges ordered {@link LayerFacts} (base first) into the {@link MergedView} a container would see, with the
 * OCI layer rules: a whiteout deletes the path and everything below it from lower layers, an opaque directory
 * hides all lower content below it, an entry replaces whatever a lower layer had at its path (a file or link
 * replacing a directory drops the directory's contents; a directory replaces a lower file or symlink), and hard
 * links take the merged fact of their target. Within one layer whiteouts apply first, since they only ever
 * address lower layers.
 */
public final class LayerMerger {

    private LayerMerger() {
    }

    /** The merged view of {@code layers}, base layer first. */
    public static MergedView merge(List<LayerFacts> layers) {
        TreeMap<String, FileFact> tree = new TreeMap<>();
        for (LayerFacts layer : layers) {
            layer.whiteouts().forEach(path -> {
                tree.remove(path);
                below(tree, path).clear();
            });
            layer.opaqueDirs().forEach(dir -> below(tree, dir).clear());
            layer.directories().forEach(tree::remove); // the tree holds no directories: whatever was there goes
            for (Map.Entry<String, FileFact> entry : layer.files().entrySet()) {
                if (entry.getValue().kind() != FileFact.Kind.HARDLINK) {
                    below(tree, entry.getKey()).clear();
                    tree.put(entry.getKey(), entry.getValue());
                }
            }
            for (Map.Entry<String, FileFact> entry : layer.files().entrySet()) {
                if (entry.getValue().kind() == FileFact.Kind.HARDLINK) {
                    below(tree, entry.getKey()).clear();
                    tree.put(entry.getKey(), hardlinkTarget(tree, entry.getValue()));
                }
            }
        }
        return new MergedView(tree);
    }

    private static FileFact hardlinkTarget(TreeMap<String, FileFact> tree, FileFact link) {
        // A hard link names an archive path literally; its target is a regular file we may not have kept,
        // but it exists, so the link's path is at least present.
        FileFact target = tree.get(link.linkTarget());
        return target != null && target.kind() != FileFact.Kind.HARDLINK ? target : FileFact.marker(null, 0);
    }

    /** The live sub-map of everything strictly below {@code dir} ("" is the root). */
    static NavigableMap<String, FileFact> below(TreeMap<String, FileFact> tree, String dir) {
        if (dir.isEmpty()) {
            return tree;
        }
        // '/' + 1 == '0': every key "dir/..." sorts in ["dir/", "dir0").
        return tree.subMap(dir + "/", true, dir + "0", false);
    }
}
