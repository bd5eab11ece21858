package dev.imagecensus.bench;

import dev.imagecensus.embedded.oci.DockerRegistryProcess;
import dev.imagecensus.embedded.oci.SyntheticImage;
import dev.imagecensus.enricher.RegistrySettings;
import dev.imagecensus.enricher.registry.Politeness;
import java.util.List;
import java.util.Set;

/**
 * The enricher's figures, in one run against Debian's docker-registry on loopback (see bench/README.md):
 * cold classification and existence re-check of many unique images, and the registry cost of a fleet of pods
 * through the enricher versus one {@code skopeo inspect} per pod (sampled, extrapolated).
 *
 * <p>Arguments: images (5000), pods (10000), images the pods run (500), skopeo sample (200), threads (16).
 */
public final class EnricherBench {

    private EnricherBench() {
    }

    public static void main(String[] args) throws Exception {
        int images = arg(args, 0, 5000);
        int pods = arg(args, 1, 10_000);
        int podImages = arg(args, 2, 500);
        int sample = arg(args, 3, 200);
        int threads = arg(args, 4, 16);
        try (DockerRegistryProcess registry = DockerRegistryProcess.anonymous();
             CountingProxy proxy = new CountingProxy(registry.url().getPort())) {
            List<SyntheticImage> all = BenchImages.unique(images);
            long t0 = System.nanoTime();
            BenchImages.push(registry, all, 8);
            System.out.printf("setup: pushed %d images in %d ms%n", images, (System.nanoTime() - t0) / 1_000_000);
            // Politeness sized for a loopback registry; the defaults (8 at once, 50 requests/s) are for shared ones.
            RegistrySettings settings = RegistrySettings.defaults().withInsecureRegistries(Set.of(proxy.host()))
                    .withPoliteness(new Politeness(threads, 100_000, 100_000));

            try (InspectorBench bench = new InspectorBench(settings, threads)) {
                proxy.takeCounts();
                InspectorBench.Pass cold = bench.classifyCold(all, proxy.host());
                long[] coldCost = proxy.takeCounts();
                InspectorBench.Pass recheck = bench.recheck(all, proxy.host());
                long[] recheckCost = proxy.takeCounts();
                System.out.printf("cold classification: %d images in %d ms (%.0f images/s), %d wrong; %d requests, %d bytes; layer cache %d hits / %d misses%n",
                        cold.images(), cold.millis(), rate(cold), cold.wrong(), coldCost[0], coldCost[1],
                        bench.cache().hits(), bench.cache().misses());
                System.out.printf("existence re-check: %d images in %d ms (%.0f images/s), %d wrong; %d requests, %d bytes%n",
                        recheck.images(), recheck.millis(), rate(recheck), recheck.wrong(), recheckCost[0], recheckCost[1]);
            }

            List<SyntheticImage> fleet = all.subList(0, podImages);
            PodsBench.Cost ours = PodsBench.enricher(fleet, pods, proxy, settings, threads);
            PodsBench.Cost seed = PodsBench.skopeo(fleet, sample, proxy);
            double scale = (double) pods / sample;
            long seedRequests = Math.round(seed.requests() * scale);
            long seedBytes = Math.round(seed.bytes() * scale);
            System.out.printf("enricher, %d pods over %d images: %d requests, %d bytes, %d ms (events in to last classification out)%n",
                    pods, podImages, ours.requests(), ours.bytes(), ours.millis());
            System.out.printf("skopeo inspect per pod, %d pods sampled: %d requests, %d bytes, %d ms; extrapolated to %d pods: %d requests, %d bytes, %.0f s%n",
                    sample, seed.requests(), seed.bytes(), seed.millis(), pods, seedRequests, seedBytes, seed.millis() * scale / 1000);
            System.out.printf("ratio (skopeo per pod / enricher): %.1fx requests, %.1fx bytes%n",
                    (double) seedRequests / ours.requests(), (double) seedBytes / ours.bytes());
        }
    }

    private static double rate(InspectorBench.Pass pass) {
        return pass.images() * 1000.0 / Math.max(1, pass.millis());
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
