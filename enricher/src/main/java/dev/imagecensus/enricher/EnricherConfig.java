package dev.imagecensus.enricher;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Everything the enricher needs, validated once at start; errors name the setting.
 *
 * @param applicationId       Kafka Streams application id (consumer group, internal topic prefix)
 * @param bootstrapServers    Kafka
 * @param schemaRegistryUrl   Confluent-compatible registry for the Avro topics
 * @param stateDir            Kafka Streams state directory
 * @param recheckInterval     how often existence of an image still in use is re-checked (default 5 min)
 * @param inspectionThreads   registry calls in parallel
 * @param maxInFlight         registry calls queued or running; the rest wait in the pending store
 * @param drainInterval       how often finished inspections are forwarded (wall clock)
 * @param ignoredImages       references never sent to a registry
 * @param streamsOverrides    extra Kafka Streams / client properties (security settings, threads, ...)
 * @param httpPort            port of {@code /healthz}, {@code /readyz} and {@code /metrics}; 0 picks a free one
 */
public record EnricherConfig(String applicationId, String bootstrapServers, String schemaRegistryUrl, String stateDir,
                             Duration recheckInterval, int inspectionThreads, int maxInFlight, Duration drainInterval,
                             IgnoredImages ignoredImages, Map<String, String> streamsOverrides, int httpPort) {

    public static final Duration DEFAULT_RECHECK_INTERVAL = Duration.ofMinutes(5);
    public static final int DEFAULT_HTTP_PORT = 8080;

    private static final Set<String> FIXED = Set.of("processing.guarantee", "ensure.explicit.internal.resource.naming");
    private static final Pattern SECRET_KEY = Pattern.compile(".*(password|secret|jaas|user\\.info|token|key).*");

    public EnricherConfig {
        require(applicationId, "application id");
        require(bootstrapServers, "bootstrap servers");
        require(schemaRegistryUrl, "schema registry url");
        require(stateDir, "state dir");
        positive(recheckInterval, "recheck interval");
        positive(drainInterval, "drain interval");
        if (inspectionThreads < 1) {
            throw new IllegalArgumentException("inspection threads must be at least 1, got " + inspectionThreads);
        }
        if (maxInFlight < inspectionThreads) {
            throw new IllegalArgumentException("max in-flight inspections (" + maxInFlight
                    + ") must be at least the number of inspection threads (" + inspectionThreads + ")");
        }
        Objects.requireNonNull(ignoredImages, "ignored images");
        streamsOverrides = Map.copyOf(streamsOverrides);
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("enricher http port must be 0-65535, got " + httpPort);
        }
        streamsOverrides.keySet().stream().filter(FIXED::contains).sorted().findFirst().ifPresent(key -> {
            throw new IllegalArgumentException("enricher streams property " + key
                    + " is set by the enricher itself (exactly-once and explicit naming are not optional)");
        });
    }

    /** Defaults for everything but where Kafka and the registry are. */
    public static EnricherConfig defaults(String bootstrapServers, String schemaRegistryUrl, String stateDir) {
        return new EnricherConfig("image-census-enricher", bootstrapServers, schemaRegistryUrl, stateDir,
                DEFAULT_RECHECK_INTERVAL, 4, 64, Duration.ofMillis(200), IgnoredImages.none(), Map.of(),
                DEFAULT_HTTP_PORT);
    }

    public EnricherConfig withApplicationId(String value) {
        return new EnricherConfig(value, bootstrapServers, schemaRegistryUrl, stateDir, recheckInterval,
                inspectionThreads, maxInFlight, drainInterval, ignoredImages, streamsOverrides, httpPort);
    }

    public EnricherConfig withStateDir(String value) {
        return new EnricherConfig(applicationId, bootstrapServers, schemaRegistryUrl, value, recheckInterval,
                inspectionThreads, maxInFlight, drainInterval, ignoredImages, streamsOverrides, httpPort);
    }

    public EnricherConfig withRecheckInterval(Duration value) {
        return new EnricherConfig(applicationId, bootstrapServers, schemaRegistryUrl, stateDir, value,
                inspectionThreads, maxInFlight, drainInterval, ignoredImages, streamsOverrides, httpPort);
    }

    public EnricherConfig withInspections(int threads, int inFlight) {
        return new EnricherConfig(applicationId, bootstrapServers, schemaRegistryUrl, stateDir, recheckInterval,
                threads, inFlight, drainInterval, ignoredImages, streamsOverrides, httpPort);
    }

    public EnricherConfig withIgnoredImages(IgnoredImages value) {
        return new EnricherConfig(applicationId, bootstrapServers, schemaRegistryUrl, stateDir, recheckInterval,
                inspectionThreads, maxInFlight, drainInterval, value, streamsOverrides, httpPort);
    }

    public EnricherConfig withStreamsOverrides(Map<String, String> value) {
        return new EnricherConfig(applicationId, bootstrapServers, schemaRegistryUrl, stateDir, recheckInterval,
                inspectionThreads, maxInFlight, drainInterval, ignoredImages, value, httpPort);
    }

    public EnricherConfig withHttpPort(int value) {
        return new EnricherConfig(applicationId, bootstrapServers, schemaRegistryUrl, stateDir, recheckInterval,
                inspectionThreads, maxInFlight, drainInterval, ignoredImages, streamsOverrides, value);
    }

    /** How often images in use are scanned for a due re-check: often enough to keep the interval, at most 30 s. */
    public Duration recheckScanInterval() {
        Duration tenth = recheckInterval.dividedBy(10);
        return tenth.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : tenth.isZero() ? Duration.ofMillis(1) : tenth;
    }

    /** Kafka Streams properties: the overrides, then what the enricher fixes (exactly-once, explicit names). */
    public Properties streamsProperties() {
        Properties props = new Properties();
        props.putAll(streamsOverrides);
        props.put("application.id", applicationId);
        props.put("bootstrap.servers", bootstrapServers);
        props.put("processing.guarantee", "exactly_once_v2");
        props.put("ensure.explicit.internal.resource.naming", "true");
        props.put("state.dir", stateDir);
        props.put("schema.registry.url", schemaRegistryUrl);
        return props;
    }

    /** Settings of the schema-registry client and the Avro serdes. */
    public Map<String, String> serdeProperties() {
        // The overrides carry registry settings too (basic.auth.*, schema.registry.ssl.*); serdes ignore the rest.
        Map<String, String> props = new java.util.HashMap<>(streamsOverrides);
        props.put("schema.registry.url", schemaRegistryUrl);
        return Map.copyOf(props);
    }

    @Override
    public String toString() {
        Map<String, String> overrides = new TreeMap<>();
        streamsOverrides.forEach((k, v) -> overrides.put(k,
                SECRET_KEY.matcher(k.toLowerCase(Locale.ROOT)).matches() ? "****" : v));
        return "EnricherConfig[applicationId=" + applicationId + ", bootstrapServers=" + bootstrapServers
                + ", schemaRegistryUrl=" + schemaRegistryUrl.replaceFirst("//[^/@]+@", "//****@")
                + ", stateDir=" + stateDir + ", recheckInterval=" + recheckInterval
                + ", inspectionThreads=" + inspectionThreads + ", maxInFlight=" + maxInFlight
                + ", drainInterval=" + drainInterval + ", ignoredImages=" + ignoredImages
                + ", streamsOverrides=" + overrides + ", httpPort=" + httpPort + "]";
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("enricher " + name + " is required");
        }
    }

    private static void positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("enricher " + name + " must be positive, got " + value);
        }
    }
}
