package dev.imagecensus.bench;

import dev.imagecensus.embedded.oci.SyntheticImage;
import dev.imagecensus.enricher.RegistrySettings;
import dev.imagecensus.enricher.classify.ScanBounds;
import dev.imagecensus.enricher.inspect.ImageInspector;
import dev.imagecensus.enricher.inspect.LayerCache;
import dev.imagecensus.enricher.inspect.RegistryImageInspector;
import dev.imagecensus.enricher.registry.RegistryClient;
import dev.imagecensus.enricher.registry.RegistryListener;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.ImageClassification;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Cold classification (HEAD then full inspection per image, as the enricher does for a new reference) and
 * existence re-checks (HEAD) of many images with the production inspector, on {@code threads} executor threads.
 */
final class InspectorBench implements AutoCloseable {

    /** What one pass did: wall time and how many answers were not the expected one. */
    record Pass(long millis, int images, int wrong) {
    }

    private final RegistryClient client;
    private final ImageInspector inspector;
    private final LayerCache cache;
    private final int threads;

    InspectorBench(RegistrySettings settings, int threads) {
        this.client = new RegistryClient(settings.clientConfig(RegistryListener.NONE));
        this.cache = new LayerCache(settings.layerCacheBytes());
        this.inspector = new RegistryImageInspector(client, settings.platform(), cache, ScanBounds.defaults(),
                Clock.systemUTC());
        this.threads = threads;
    }

    Pass classifyCold(List<SyntheticImage> images, String host) throws Exception {
        return run(images, image -> {
            String ref = image.reference(host);
            if (!inspector.resolve(ref).available()) {
                return false;
            }
            ImageClassification c = inspector.inspect(ref);
            return c.getExistence() == Existence.AVAILABLE && !c.getPartial() && c.getDistro() != null
                    && "debian".equals(c.getDistro().getId());
        });
    }

    Pass recheck(List<SyntheticImage> images, String host) throws Exception {
        return run(images, image -> image.digest().equals(inspector.resolve(image.reference(host)).digest()));
    }

    LayerCache cache() {
        return cache;
    }

    private Pass run(List<SyntheticImage> images, Function<SyntheticImage, Boolean> check) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger wrong = new AtomicInteger();
        long start = System.nanoTime();
        try {
            List<Future<?>> all = new ArrayList<>();
            for (SyntheticImage image : images) {
                all.add(pool.submit(() -> {
                    if (!check.apply(image)) {
                        wrong.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Pass((System.nanoTime() - start) / 1_000_000, images.size(), wrong.get());
    }

    @Override
    public void close() {
        client.close();
    }
}
