package dev.imagecensus.app.e2e;

import java.util.Arrays;

/**
 * Runs one service of a {@link PipelineEnv} in a child JVM until the JVM is killed:
 * {@code ServiceMain watcher|enricher|aggregator key=value...}. Prints {@value #STARTED} once started.
 */
public final class ServiceMain {

    static final String STARTED = "e2e-service-started";

    private ServiceMain() {
    }

    public static void main(String[] args) throws Exception {
        PipelineEnv env = PipelineEnv.fromArgs(Arrays.asList(args).subList(1, args.length));
        AutoCloseable service = switch (args[0]) {
            case "watcher" -> env.startWatcher();
            case "enricher" -> env.startEnricher();
            case "aggregator" -> env.startAggregator();
            default -> throw new IllegalArgumentException("no service " + args[0]);
        };
        System.out.println(STARTED + " " + args[0] + " " + service.getClass().getSimpleName());
        Thread.currentThread().join(); // until killed: no shutdown hook, nothing closed gracefully
    }
}
