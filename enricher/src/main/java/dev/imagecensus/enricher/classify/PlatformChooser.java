package dev.imagecensus.enricher.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the manifest to inspect from an image index. Attestation manifests are dropped. The requested platform
 * (default {@link PlatformSpec#LINUX_AMD64}) wins when offered, compared after containerd's normalisation; else the
 * closest older variant of the same os/arch (arm/v7 runs on an arm/v6 image); else the first linux entry; else the
 * first entry. Every platform offered is listed as {@code os/arch[/variant]}.
 */
public final class PlatformChooser {

    private PlatformChooser() {
    }

    /**
     * The choice from an index.
     *
     * @param selected  the manifest to inspect, empty when the index holds nothing runnable
     * @param platforms every platform offered, in index order, without duplicates
     * @param exact     true when {@code selected} is the requested platform
     */
    public record Choice(Optional<IndexEntry> selected, List<String> platforms, boolean exact) {
    }

    /** Chooses for {@code requested}, or linux/amd64 when null. */
    public static Choice choose(List<IndexEntry> entries, PlatformSpec requested) {
        PlatformSpec want = (requested == null ? PlatformSpec.LINUX_AMD64 : requested).normalized();
        List<IndexEntry> runnable = entries.stream().filter(e -> !e.isAttestation()).toList();
        Set<String> platforms = new LinkedHashSet<>();
        runnable.stream().filter(e -> e.platform() != null).forEach(e -> platforms.add(e.platform().toString()));

        Optional<IndexEntry> exact = runnable.stream()
                .filter(e -> e.platform() != null && e.platform().normalized().equals(want)).findFirst();
        if (exact.isPresent()) {
            return new Choice(exact, List.copyOf(platforms), true);
        }
        Optional<IndexEntry> fallback = olderVariant(runnable, want)
                .or(() -> runnable.stream().filter(e -> e.platform() != null
                        && e.platform().os().equalsIgnoreCase("linux")).findFirst())
                .or(() -> runnable.stream().findFirst());
        return new Choice(fallback, List.copyOf(platforms), false);
    }

    private static Optional<IndexEntry> olderVariant(List<IndexEntry> runnable, PlatformSpec want) {
        int wanted = variantNumber(want.variant());
        List<IndexEntry> candidates = new ArrayList<>();
        for (IndexEntry entry : runnable) {
            PlatformSpec p = entry.platform() == null ? null : entry.platform().normalized();
            if (p != null && p.os().equals(want.os()) && p.architecture().equals(want.architecture())
                    && variantNumber(p.variant()) <= wanted) {
                candidates.add(entry);
            }
        }
        return candidates.stream().max(Comparator.comparingInt(e -> variantNumber(e.platform().normalized().variant())));
    }

    /** v7 → 7, none → 0, unparsable → MAX (never an older variant). */
    private static int variantNumber(String variant) {
        if (variant == null) {
            return 0;
        }
        try {
            return Integer.parseInt(variant.replaceFirst("^v", "").replaceFirst("\\..*", ""));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
