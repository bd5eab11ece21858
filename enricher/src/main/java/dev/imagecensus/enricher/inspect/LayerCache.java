package dev.imagecensus.enricher.inspect;

import dev.imagecensus.enricher.classify.FileFact;
import dev.imagecensus.enricher.classify.LayerFacts;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * What each layer holds ({@link LayerFacts}), by layer digest, so a base layer shared by the whole fleet is
 * downloaded once. In memory, least recently used first out, bounded by an estimate of its size; thread-safe.
 * Only complete facts are kept: a partial scan says nothing reliable about a layer.
 *
 * <p>Single flight: while one inspection reads a layer, others that need the same digest wait for its facts
 * (bounded by their own time) instead of downloading it again; that wait counts as a hit.
 */
public final class LayerCache {

    /** The answer of {@link #lookup}: the facts, or the duty to read the layer and {@link Load#done report}. */
    public sealed interface Lookup {
    }

    /** Facts known (cached, or read meanwhile by another inspection): download nothing. */
    public record Hit(LayerFacts facts) implements Lookup {
    }

    /** Not known: read the layer, then call {@link #done} exactly once (null when the read failed). */
    public final class Load implements Lookup {
        private final String digest;
        private final CompletableFuture<LayerFacts> claim;

        private Load(String digest, CompletableFuture<LayerFacts> claim) {
            this.digest = digest;
            this.claim = claim;
        }

        /** Publishes the facts read (cached unless partial) and wakes the inspections waiting for them. */
        public void done(LayerFacts facts) {
            if (facts != null && !facts.partial()) {
                put(digest, facts);
            }
            if (claim != null) {
                loading.remove(digest, claim);
                claim.complete(facts);
            }
        }
    }

    private final long maxWeight;
    private final LinkedHashMap<String, Weighed> entries = new LinkedHashMap<>(256, 0.75f, true);
    private final Map<String, CompletableFuture<LayerFacts>> loading = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private long weight;

    private record Weighed(LayerFacts facts, long weight) {
    }

    /** @param maxBytes about how much memory the cached facts may take */
    public LayerCache(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("layer cache size must be positive, got " + maxBytes);
        }
        this.maxWeight = maxBytes;
    }

    /** The facts of {@code digest}, waiting up to {@code maxWait} for an inspection reading it right now. */
    public Lookup lookup(String digest, Duration maxWait) {
        LayerFacts cached = get(digest);
        if (cached != null) {
            hits.increment();
            return new Hit(cached);
        }
        CompletableFuture<LayerFacts> claim = new CompletableFuture<>();
        CompletableFuture<LayerFacts> other = loading.putIfAbsent(digest, claim);
        if (other == null) {
            misses.increment();
            return new Load(digest, claim);
        }
        LayerFacts read = await(other, maxWait);
        if (read != null && !read.partial()) {
            hits.increment();
            return new Hit(read);
        }
        misses.increment();
        return new Load(digest, null); // the other read failed or is too slow: read it ourselves, uncoordinated
    }

    /** Lookups answered without downloading the layer. */
    public long hits() {
        return hits.sum();
    }

    /** Lookups that had to read the layer. */
    public long misses() {
        return misses.sum();
    }

    public synchronized int size() {
        return entries.size();
    }

    /** The estimated bytes held. */
    public synchronized long weight() {
        return weight;
    }

    private synchronized LayerFacts get(String digest) {
        Weighed w = entries.get(digest);
        return w == null ? null : w.facts();
    }

    private synchronized void put(String digest, LayerFacts facts) {
        Weighed added = new Weighed(facts, weigh(digest, facts));
        Weighed old = entries.put(digest, added);
        weight += added.weight() - (old == null ? 0 : old.weight());
        Iterator<Weighed> eldest = entries.values().iterator();
        while (weight > maxWeight && eldest.hasNext()) {
            weight -= eldest.next().weight();
            eldest.remove();
        }
    }

    private static LayerFacts await(CompletableFuture<LayerFacts> future, Duration maxWait) {
        try {
            return future.get(Math.max(0, maxWait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    /** Roughly the heap a {@link LayerFacts} takes: strings at two bytes a char plus per-entry overhead. */
    static long weigh(String digest, LayerFacts facts) {
        long bytes = 200 + 2L * digest.length();
        for (Map.Entry<String, FileFact> e : facts.files().entrySet()) {
            FileFact f = e.getValue();
            bytes += 120 + 2L * e.getKey().length() + (f.text() == null ? 0 : 2L * f.text().length())
                    + (f.linkTarget() == null ? 0 : 2L * f.linkTarget().length())
                    + (f.goBuildInfo() == null ? 0 : 1024);
        }
        for (String path : facts.directories()) {
            bytes += 60 + 2L * path.length();
        }
        for (String path : facts.whiteouts()) {
            bytes += 60 + 2L * path.length();
        }
        for (String path : facts.opaqueDirs()) {
            bytes += 60 + 2L * path.length();
        }
        return bytes;
    }
}
