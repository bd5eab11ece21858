package dev.imagecensus.aggregator.metrics;

import java.time.Clock;
import java.util.Comparator;
import java.util.Iterator;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Images in use that are not classified yet, ordered by when they came into use, so the enrichment lag (now minus
 * the oldest one's first-seen time) is read without walking anything.
 */
final class EnrichmentLag {

    private record Pending(long firstSeen, String image) {
    }

    private final Clock clock;
    private final ConcurrentSkipListSet<Pending> pending = new ConcurrentSkipListSet<>(
            Comparator.comparingLong(Pending::firstSeen).thenComparing(Pending::image));

    EnrichmentLag(Clock clock) {
        this.clock = clock;
    }

    void add(String image, long firstSeen) {
        pending.add(new Pending(firstSeen, image));
    }

    void remove(String image, long firstSeen) {
        pending.remove(new Pending(firstSeen, image));
    }

    /**
     * Seconds since the oldest unclassified image came into use (its first container's observation time, as the
     * watcher stamped it); 0 when every image in use is classified. Never negative, whatever the clocks say.
     */
    double seconds() {
        Iterator<Pending> oldest = pending.iterator(); // never throws when emptied concurrently, unlike first()
        if (!oldest.hasNext()) {
            return 0;
        }
        return Math.max(0, clock.millis() - oldest.next().firstSeen()) / 1000.0;
    }
}
