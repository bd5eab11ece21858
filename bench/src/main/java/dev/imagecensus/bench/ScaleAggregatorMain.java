package dev.imagecensus.bench;

import dev.imagecensus.aggregator.Aggregator;
import dev.imagecensus.aggregator.AggregatorConfig;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The production aggregator alone in its JVM for {@link PipelineScaleBench}, configured from arguments, with the
 * product's defaults otherwise (exactly-once, 1 stream thread). Stops cleanly on SIGTERM.
 *
 * <pre>ScaleAggregatorMain bootstrap-servers schema-registry-url state-dir http-port cluster</pre>
 */
public final class ScaleAggregatorMain {

    private ScaleAggregatorMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: ScaleAggregatorMain bootstrap-servers schema-registry-url state-dir http-port cluster");
            System.exit(2);
        }
        int port = Integer.parseInt(args[3]);
        AggregatorConfig.Builder builder = AggregatorConfig.builder();
        // Extra Kafka Streams settings for experiments: -Dbench.aggregator.streams=key=value,key=value
        for (String pair : System.getProperty("bench.aggregator.streams", "").split(",")) {
            if (pair.contains("=")) {
                builder.kafkaProperty(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        Integer threads = Integer.getInteger("bench.aggregator.threads");
        if (threads != null) {
            builder.streamThreads(threads);
        }
        Aggregator aggregator = Aggregator.start(builder
                .bootstrapServers(args[0])
                .schemaRegistryUrl(args[1])
                .stateDir(Path.of(args[2]))
                .httpPort(port)
                .applicationServer("127.0.0.1:" + port)
                .clusterName(args[4])
                .build());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            aggregator.close();
            stopped.countDown();
        }, "aggregator-shutdown"));
        stopped.await();
    }
}
