package dev.imagecensus.bench;

import dev.imagecensus.watcher.KubeAccess;
import dev.imagecensus.watcher.Watcher;
import dev.imagecensus.watcher.WatcherConfig;
import java.nio.file.Path;

/**
 * Process B of {@link WatcherScaleBench}: the production watcher alone in its JVM (so its heap and RSS are its
 * own), configured from arguments, writing its event lines to standard output as in production. Stops cleanly on
 * SIGTERM.
 *
 * <pre>ScaleWatcherMain kubeconfig context bootstrap-servers schema-registry-url http-port cluster</pre>
 */
public final class ScaleWatcherMain {

    private ScaleWatcherMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: ScaleWatcherMain kubeconfig context bootstrap-servers schema-registry-url http-port cluster");
            System.exit(2);
        }
        WatcherConfig config = WatcherConfig.builder()
                .cluster(args[5])
                .kubeAccess(KubeAccess.kubeconfig(Path.of(args[0]), args[1]))
                .bootstrapServers(args[2])
                .schemaRegistryUrl(args[3])
                .httpPort(Integer.parseInt(args[4]))
                .build();
        Watcher watcher = Watcher.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(watcher::close, "watcher-shutdown"));
        watcher.awaitTermination();
    }
}
