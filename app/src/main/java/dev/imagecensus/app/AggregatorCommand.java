package dev.imagecensus.app;

import dev.imagecensus.aggregator.Aggregator;
import dev.imagecensus.aggregator.AggregatorConfig;
import dev.imagecensus.aggregator.MissingTagPolicy;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code image-census aggregator}: counts, FIPS/OS state, audit, inventory topic, metrics, API and page. */
@Command(name = "aggregator", mixinStandardHelpOptions = true,
        description = "Aggregate image events and classifications into counts, audit, inventory, /metrics, /api and a page.")
final class AggregatorCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--http-port", defaultValue = "${env:IMAGE_CENSUS_HTTP_PORT:-8080}",
            description = "Port of the page, /api, /metrics, /healthz, /readyz (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--application-server", defaultValue = "${env:IMAGE_CENSUS_APPLICATION_SERVER}",
            description = "host:port other instances reach this one's HTTP port at (needed with several instances).")
    String applicationServer;

    @Option(names = "--application-id", defaultValue = AggregatorConfig.DEFAULT_APPLICATION_ID,
            description = "Kafka Streams application id (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--state-dir", description = "Kafka Streams state directory (default: a directory under java.io.tmpdir).")
    Path stateDir;

    @Option(names = "--stream-threads", defaultValue = "${env:IMAGE_CENSUS_STREAM_THREADS:-2}",
            description = "Kafka Streams threads in this instance (default: ${DEFAULT-VALUE}).")
    int streamThreads;

    @Option(names = "--cluster-name", defaultValue = "${env:IMAGE_CENSUS_CLUSTER:-default}",
            description = "cluster_name in /api/inventory (default: ${DEFAULT-VALUE}).")
    String clusterName;

    @Option(names = "--missing-tag-policy", defaultValue = "DIGEST",
            description = "Images without a tag in /api/inventory: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    MissingTagPolicy missingTagPolicy;

    @Override
    public Integer call() throws Exception {
        AggregatorConfig.Builder builder = AggregatorConfig.builder()
                .applicationId(applicationId)
                .bootstrapServers(kafka.bootstrapServers)
                .schemaRegistryUrl(kafka.schemaRegistryUrl)
                .httpPort(httpPort)
                .streamThreads(streamThreads)
                .clusterName(clusterName)
                .missingTagPolicy(missingTagPolicy);
        if (applicationServer != null && !applicationServer.isBlank()) {
            builder.applicationServer(applicationServer);
        }
        if (stateDir != null) {
            builder.stateDir(stateDir);
        }
        kafka.kafkaProperties.forEach(builder::kafkaProperty);
        kafka.registryProperties.forEach(builder::registryProperty);
        Aggregator aggregator = Aggregator.start(builder.build());
        return StreamsServiceLoop.run("aggregator", aggregator, aggregator::state);
    }
}
