package dev.imagecensus.app.inventory;

import dev.imagecensus.schemas.reference.ImageReference;
import dev.imagecensus.schemas.reference.ReferenceParseResult;
import dev.imagecensus.watcher.inventory.NamespaceFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Turns observed containers and what is known of their images into the report (pure): namespace selection, KAI's
 * image names and missing-tag policy, one image row per canonical reference. An invalid reference is never dropped:
 * it gets its rows, named as written, with the parser's reason.
 */
public final class InventoryBuilder {

    private static final Comparator<ContainerRow> CONTAINER_ORDER = Comparator.comparing(ContainerRow::namespace)
            .thenComparing(r -> r.pod() == null ? "" : r.pod())
            .thenComparing(ContainerRow::workload)
            .thenComparing(ContainerRow::container);

    private InventoryBuilder() {
    }

    /**
     * @param facts what is known of each canonical reference; null for an image not (yet) classified
     */
    public static Inventory build(String source, boolean classified, List<ContainerEntry> entries,
                                  Function<String, ImageFacts> facts, NamespaceFilter namespaces, TagPolicy tags) {
        List<ContainerRow> containers = new ArrayList<>();
        Map<String, ImageTally> images = new LinkedHashMap<>();
        for (ContainerEntry entry : entries) {
            if (!namespaces.includes(entry.namespace())) {
                continue;
            }
            Optional<Named> named = name(entry.image(), facts, tags);
            if (named.isEmpty()) {
                continue; // missing-tag policy DROP
            }
            Named image = named.get();
            containers.add(row(entry, image));
            images.computeIfAbsent(image.reference(), r -> new ImageTally(image)).add(entry);
        }
        containers.sort(CONTAINER_ORDER);
        List<ImageRow> imageRows = images.values().stream().map(ImageTally::row)
                .sorted(Comparator.comparing(ImageRow::image).thenComparing(ImageRow::reference)).toList();
        return new Inventory(source, classified, containers, imageRows);
    }

    private static Optional<Named> name(String written, Function<String, ImageFacts> facts, TagPolicy tags) {
        ReferenceParseResult parsed = ImageReference.tryParse(written);
        if (parsed instanceof ReferenceParseResult.Valid valid) {
            String canonical = valid.reference().canonical();
            ImageFacts known = Objects.requireNonNullElse(facts.apply(canonical), ImageFacts.UNKNOWN);
            return tags.name(valid.reference()).map(name -> new Named(name, canonical, known));
        }
        ReferenceParseResult.Invalid invalid = (ReferenceParseResult.Invalid) parsed;
        return Optional.of(new Named(written, written, ImageFacts.invalid(invalid.message())));
    }

    private static ContainerRow row(ContainerEntry entry, Named image) {
        ImageFacts f = image.facts();
        return new ContainerRow(entry.namespace(), entry.pod(), entry.workloadKind(), entry.workloadName(),
                entry.container(), image.name(), image.reference(), f.baseOs(), f.distro(), f.distroVersion(), f.fips(),
                f.existence(), entry.pods(), entry.runningDigest(), f.note());
    }

    private record Named(String name, String reference, ImageFacts facts) {
    }

    /** Containers and namespaces of one image. */
    private static final class ImageTally {
        private final Named image;
        private final TreeSet<String> namespaces = new TreeSet<>();
        private int containers;

        ImageTally(Named image) {
            this.image = image;
        }

        void add(ContainerEntry entry) {
            containers += entry.pods();
            namespaces.add(entry.namespace());
        }

        ImageRow row() {
            ImageFacts f = image.facts();
            return new ImageRow(image.name(), image.reference(), f.baseOs(), f.distro(), f.distroVersion(), f.fips(),
                    f.existence(), f.digest(), containers, List.copyOf(namespaces), f.note());
        }
    }
}
