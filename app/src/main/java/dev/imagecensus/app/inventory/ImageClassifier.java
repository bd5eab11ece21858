package dev.imagecensus.app.inventory;

import dev.imagecensus.enricher.RegistrySettings;
import dev.imagecensus.enricher.classify.ScanBounds;
import dev.imagecensus.enricher.inspect.ImageInspector;
import dev.imagecensus.enricher.inspect.LayerCache;
import dev.imagecensus.enricher.inspect.RegistryImageInspector;
import dev.imagecensus.enricher.registry.RegistryClient;
import dev.imagecensus.enricher.registry.RegistryListener;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Inspects images in their registries with the enricher's inspector (same client, credentials, bounds, layer
 * cache), each reference once, a bounded number at a time; the registry client adds its per-registry limits.
 */
public final class ImageClassifier implements AutoCloseable {

    private final RegistryClient client;
    private final ImageInspector inspector;
    private final ExecutorService executor;

    public ImageClassifier(RegistrySettings settings, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("--classify-concurrency must be at least 1, got " + concurrency);
        }
        this.client = new RegistryClient(settings.clientConfig(RegistryListener.NONE));
        this.inspector = new RegistryImageInspector(client, settings.platform(),
                new LayerCache(settings.layerCacheBytes()), ScanBounds.defaults(), Clock.systemUTC());
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "inventory-inspect-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** What each canonical reference is; inspection failures are answers (existence states), never exceptions. */
    public Map<String, ImageFacts> classify(Collection<String> references) throws InterruptedException {
        List<String> unique = references.stream().distinct().toList();
        List<Future<ImageFacts>> answers = new ArrayList<>(unique.size());
        for (String reference : unique) {
            answers.add(executor.submit(() -> ClassificationFacts.of(inspector.inspect(reference))));
        }
        Map<String, ImageFacts> facts = new TreeMap<>();
        for (int i = 0; i < unique.size(); i++) {
            try {
                facts.put(unique.get(i), answers.get(i).get());
            } catch (ExecutionException e) {
                facts.put(unique.get(i), new ImageFacts("unknown", null, "UNKNOWN", "UNKNOWN_ERROR", null,
                        String.valueOf(e.getCause())));
            }
        }
        return facts;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        client.close();
    }
}
