package dev.imagecensus.bench;

import dev.imagecensus.embedded.oci.DockerRegistryProcess;
import dev.imagecensus.embedded.oci.ImagePusher;
import dev.imagecensus.embedded.oci.SyntheticImage;
import dev.imagecensus.embedded.oci.SyntheticImages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/** The benchmark's images: {@link SyntheticImages#unique(int)} (debian base layer shared, one own layer each). */
final class BenchImages {

    private BenchImages() {
    }

    static List<SyntheticImage> unique(int count) {
        return IntStream.range(0, count).mapToObj(SyntheticImages::unique).toList();
    }

    /** Pushes {@code images} on {@code threads} threads (setup, not measured). */
    static void push(DockerRegistryProcess registry, List<SyntheticImage> images, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> pushes = new ArrayList<>();
            for (SyntheticImage image : images) {
                pushes.add(pool.submit(() -> ImagePusher.to(registry).push(image)));
            }
            for (Future<?> push : pushes) {
                push.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
