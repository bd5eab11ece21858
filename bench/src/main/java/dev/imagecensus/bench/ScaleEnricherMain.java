package dev.imagecensus.bench;

import dev.imagecensus.enricher.Enricher;
import dev.imagecensus.enricher.EnricherConfig;
import dev.imagecensus.enricher.RegistrySettings;
import dev.imagecensus.enricher.registry.Politeness;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The production enricher alone in its JVM for {@link PipelineScaleBench}, configured from arguments; the registry
 * given is reached over plain HTTP. Politeness towards it is raised to {@code threads} concurrent requests and no
 * practical rate cap: every benchmark image lives in one loopback registry, where the defaults (8 at once,
 * 50 requests/s per registry, meant for shared registries) would make the cold pass rate-limited by design.
 * Stops cleanly on SIGTERM.
 *
 * <pre>ScaleEnricherMain bootstrap-servers schema-registry-url state-dir http-port registry-host:port threads</pre>
 */
public final class ScaleEnricherMain {

    private ScaleEnricherMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: ScaleEnricherMain bootstrap-servers schema-registry-url state-dir http-port registry threads");
            System.exit(2);
        }
        int threads = Integer.parseInt(args[5]);
        EnricherConfig config = EnricherConfig.defaults(args[0], args[1], args[2])
                .withHttpPort(Integer.parseInt(args[3]))
                .withInspections(threads, 64);
        RegistrySettings registry = RegistrySettings.defaults().withInsecureRegistries(Set.of(args[4]))
                .withPoliteness(new Politeness(threads, 100_000, 100_000));
        Enricher enricher = Enricher.start(config, registry);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            enricher.close();
            stopped.countDown();
        }, "enricher-shutdown"));
        stopped.await();
    }
}
