package dev.imagecensus.enricher.registry;

import java.util.List;
import java.util.Optional;

/**
 * Chooses which manifest of an index to inspect. The classification module owns the real rules; the
 * {@link #preferring(Platform)} default is: attestations dropped, the exact platform, else the same os/arch
 * ignoring the variant, else the first linux entry, else the first entry.
 */
@FunctionalInterface
public interface PlatformSelector {

    /** The entry to inspect, empty when the index offers nothing runnable. */
    Optional<Descriptor> select(Manifest.Index index);

    /** linux/amd64 first. */
    static PlatformSelector linuxAmd64() {
        return preferring(Platform.of("linux", "amd64", null));
    }

    static PlatformSelector preferring(Platform wanted) {
        return index -> {
            List<Descriptor> images = index.images();
            return images.stream().filter(d -> wanted.equals(strip(d.platform()))).findFirst()
                    .or(() -> images.stream().filter(d -> d.platform() != null
                            && d.platform().os().equals(wanted.os())
                            && d.platform().architecture().equals(wanted.architecture())).findFirst())
                    .or(() -> images.stream().filter(d -> d.platform() != null && d.platform().os().equals("linux")).findFirst())
                    .or(() -> images.stream().findFirst());
        };
    }

    private static Platform strip(Platform p) {
        return p == null ? null : Platform.of(p.os(), p.architecture(), p.variant());
    }
}
