package dev.imagecensus.enricher.inspect;

import dev.imagecensus.enricher.classify.LayerFacts;
import dev.imagecensus.enricher.classify.LayerScanner;
import dev.imagecensus.enricher.classify.ScanBounds;
import dev.imagecensus.enricher.registry.Descriptor;
import dev.imagecensus.enricher.registry.LayerEntryHandler;
import dev.imagecensus.enricher.registry.LayerScan;
import dev.imagecensus.enricher.registry.LayerVisitor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the layers of one inspection into {@link LayerFacts}, base first: a cached layer is skipped without a
 * byte downloaded, any other is streamed through a {@link LayerScanner} and its facts published to the cache.
 * One instance per inspection; the registry inspector calls it from one thread, layer by layer.
 */
final class CachingLayerVisitor implements LayerVisitor {

    private final LayerCache cache;
    private final ScanBounds bounds;
    private final Instant deadline;
    private final List<LayerFacts> facts = new ArrayList<>();
    private LayerCache.Load loading;
    private LayerScanner scanner;

    /** @param deadline how long to wait at most for another inspection reading the same layer */
    CachingLayerVisitor(LayerCache cache, ScanBounds bounds, Instant deadline) {
        this.cache = cache;
        this.bounds = bounds;
        this.deadline = deadline;
    }

    @Override
    public LayerEntryHandler open(Descriptor layer) {
        Duration wait = Duration.between(Instant.now(), deadline);
        LayerCache.Lookup lookup = cache.lookup(layer.digest(), wait.isNegative() ? Duration.ZERO : wait);
        if (lookup instanceof LayerCache.Hit hit) {
            facts.add(hit.facts());
            return null;
        }
        loading = (LayerCache.Load) lookup;
        LayerScanner current = new LayerScanner(bounds);
        scanner = current;
        return (entry, data) -> {
            current.accept(entry, data);
            return true; // whiteouts can come last: a layer is only known when read to the end
        };
    }

    @Override
    public void closed(Descriptor layer, LayerScan scan) {
        if (scan == null) {
            abandon(); // not fetched: the inspection stops here and says why
            return;
        }
        if (scan.isPartial()) {
            scanner.markPartial(scan.partialReason() + (scan.detail() == null ? "" : ": " + scan.detail()));
        } else if (!scan.isComplete()) {
            scanner.markPartial("stopped before the end of the layer");
        }
        LayerFacts read = scanner.finish();
        facts.add(read);
        loading.done(read);
        loading = null;
        scanner = null;
    }

    /** Releases a layer still claimed (a read that never finished), so waiting inspections go on. */
    void abandon() {
        if (loading != null) {
            loading.done(null);
            loading = null;
            scanner = null;
        }
    }

    /** The facts of every layer visited, base first. */
    List<LayerFacts> facts() {
        return List.copyOf(facts);
    }
}
