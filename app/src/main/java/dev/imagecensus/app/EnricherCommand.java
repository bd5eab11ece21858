package dev.imagecensus.app;

import dev.imagecensus.enricher.Enricher;
import dev.imagecensus.enricher.EnricherConfig;
import dev.imagecensus.enricher.IgnoredImages;
import dev.imagecensus.enricher.RegistrySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code image-census enricher}: inspects each image in use once in its registry and publishes classifications. */
@Command(name = "enricher", mixinStandardHelpOptions = true,
        description = "Classify every image in use (existence, platform, distro, FIPS) from its registry into image-classifications.")
final class EnricherCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--http-port", defaultValue = "${env:IMAGE_CENSUS_HTTP_PORT:-8080}",
            description = "Port of /healthz, /readyz, /metrics (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--application-id", defaultValue = "image-census-enricher",
            description = "Kafka Streams application id (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--state-dir", description = "Kafka Streams state directory (default: a directory under java.io.tmpdir).")
    Path stateDir;

    @Option(names = "--recheck-interval", defaultValue = "PT5M",
            description = "Existence re-check interval for images in use, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration recheckInterval;

    @Option(names = "--ignored-images", split = ",", description = "References never sent to a registry: names or regexes.")
    List<String> ignoredImages = new ArrayList<>();

    @Mixin
    RegistryOptions registryOptions;

    @Override
    public Integer call() throws Exception {
        String state = stateDir != null ? stateDir.toString()
                : Path.of(System.getProperty("java.io.tmpdir"), "image-census", "enricher").toString();
        Map<String, String> overrides = new LinkedHashMap<>(kafka.kafkaProperties);
        kafka.registryProperties.forEach(overrides::put);
        EnricherConfig config = EnricherConfig.defaults(kafka.bootstrapServers, kafka.schemaRegistryUrl, state)
                .withApplicationId(applicationId)
                .withHttpPort(httpPort)
                .withRecheckInterval(recheckInterval)
                .withIgnoredImages(IgnoredImages.of(ignoredImages))
                .withStreamsOverrides(overrides);
        RegistrySettings registry = registryOptions.settings();
        Enricher enricher = Enricher.start(config, registry);
        return StreamsServiceLoop.run("enricher", enricher, enricher::state);
    }
}
