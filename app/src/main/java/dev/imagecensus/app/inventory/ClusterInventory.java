package dev.imagecensus.app.inventory;

import dev.imagecensus.schemas.reference.ImageIds;
import dev.imagecensus.schemas.reference.ImageReference;
import dev.imagecensus.schemas.reference.ReferenceParseResult;
import dev.imagecensus.watcher.inventory.ContainerRecord;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The containers of a cluster listed once ({@link dev.imagecensus.watcher.ClusterSnapshot}) as report entries. */
public final class ClusterInventory {

    private ClusterInventory() {
    }

    public static List<ContainerEntry> entries(Collection<ContainerRecord> records) {
        return records.stream().map(r -> new ContainerEntry(r.pod().namespace(), r.pod().name(),
                r.pod().owner().kind(), r.pod().owner().name(), r.name(), r.image(), 1,
                r.imageId() == null ? null : ImageIds.digestOf(r.imageId()).orElse(null))).toList();
    }

    /** The canonical references worth inspecting: every valid one, once. */
    public static Set<String> references(Collection<ContainerEntry> entries) {
        Set<String> references = new TreeSet<>();
        for (ContainerEntry entry : entries) {
            if (ImageReference.tryParse(entry.image()) instanceof ReferenceParseResult.Valid valid) {
                references.add(valid.reference().canonical());
            }
        }
        return references;
    }
}
