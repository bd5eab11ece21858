package dev.imagecensus.enricher;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

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
 */
public record EnricherConfig(String applicationId, String bootstrapServers, String schemaRegistryUrl, String stateDir,
                             Duration recheckInterval, int inspectionThreads, int maxInFlight, Duration drainInterval,
                             IgnoredImages ignoredImages, Map<String, String> streamsOverrides) {

    public static final Duration DEFAULT_RECHECK_INTERVAL = Duration.ofMinutes(5);

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
    }

    /** Defaults for everything but where Kafka and the registry are. */
    public static EnricherConfig defaults(String bootstrapServers, String schemaRegistryUrl, String stateDir) {
        return new EnricherConfig("image-census-enricher", bootstrapServers, schemaRegistryUrl, stateDir,
                DEFAULT_RECHECK_INTERVAL, 4, 64, Duration.ofMillis(200), IgnoredImages.none(), Map.of());
    }

    public EnricherConfig withApplicationId(String value) {
        return new EnricherConfig(value, bootstrapServers, schemaRegistryUrl, stateDir, recheckInterval,
                inspectionThreads, maxInFlight, drainInterval, ignoredImages, streamsOverrides);
    }

    public EnricherConfig withRecheckInterval(Duration value) {
        return new EnricherConfig(applicationId, bootstrapServers, schemaRegistryUrl, stateDir, value,
                inspectionThreads, maxInFlight, drainInterval, ignoredImages, streamsOverrides);
    }

    public EnricherConfig withIgnoredImages(IgnoredImages value) {
        return new EnricherConfig(applicationId, bootstrapServers, schemaRegistryUrl, stateDir, recheckInterval,
                inspectionThreads, maxInFlight, drainInterval, value, streamsOverrides);
    }

    public EnricherConfig withStreamsOverrides(Map<String, String> value) {
        return new EnricherConfig(applicationId, bootstrapServers, schemaRegistryUrl, stateDir, recheckInterval,
                inspectionThreads, maxInFlight, drainInterval, ignoredImages, value);
    }

    /** How often images in use are scanned for a due re-check: often enough to keep the interval, at most 30 s. */
    public Duration recheckScanInterval() {
        Duration tenth = recheckInterval.dividedBy(10);
        return tenth.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : tenth.isZero() ? Duration.ofMillis(1) : tenth;
    }

    /** Kafka Streams properties: exactly-once, explicit internal names, then the overrides. */
    public Map<String, Object> streamsProperties() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("application.id", applicationId);
        props.put("bootstrap.servers", bootstrapServers);
        props.put("processing.guarantee", "exactly_once_v2");
        props.put("ensure.explicit.internal.resource.naming", true);
        props.put("state.dir", stateDir);
        props.put("schema.registry.url", schemaRegistryUrl);
        props.putAll(streamsOverrides);
        return props;
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
