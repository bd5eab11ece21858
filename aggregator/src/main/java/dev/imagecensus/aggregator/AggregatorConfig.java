package dev.imagecensus.aggregator;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The aggregator's settings, validated when built, with messages naming each bad setting by its flag name.
 * Immutable; secrets in the pass-through properties and in the registry URL are masked in {@link #toString()}.
 *
 * @param applicationId      Kafka Streams {@code application.id}: consumer group, internal topic prefix
 * @param bootstrapServers   Kafka bootstrap servers
 * @param schemaRegistryUrl  Confluent-compatible schema registry URL
 * @param stateDir           where the local state stores live
 * @param streamThreads      stream threads in this instance
 * @param replicationFactor  replication of internal topics; -1 = the broker's default
 * @param kafkaProperties    extra Kafka Streams / client settings (security, commit interval, cache size, ...)
 * @param registryProperties extra schema-registry client settings ({@code basic.auth.*}, {@code ssl.*})
 * @param httpPort           the one HTTP port: metrics, probes, API and page (0 = any free port)
 * @param applicationServer  {@code host:port} under which the other instances reach this one's HTTP port (Kafka
 *                           Streams {@code application.server}); null for a single instance that answers alone
 * @param clusterName        {@code cluster_name} of the KAI-shaped inventory
 * @param missingTagPolicy   the inventory's default for digest-only images (KAI's {@code missing-tag-policy})
 * @param missingTag         the dummy tag of {@link MissingTagPolicy#INSERT}
 */
public record AggregatorConfig(String applicationId, String bootstrapServers, String schemaRegistryUrl,
                               Path stateDir, int streamThreads, int replicationFactor,
                               Map<String, String> kafkaProperties, Map<String, String> registryProperties,
                               int httpPort, String applicationServer, String clusterName,
                               MissingTagPolicy missingTagPolicy, String missingTag) {

    public static final String DEFAULT_APPLICATION_ID = "image-census-aggregator";
    public static final Path DEFAULT_STATE_DIR = Path.of(System.getProperty("java.io.tmpdir"), "image-census", "aggregator");
    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final String DEFAULT_CLUSTER_NAME = "default";
    public static final String DEFAULT_MISSING_TAG = "UNKNOWN";

    /** Settings the aggregator owns: exactly-once and explicit naming are not optional, the rest have their flags. */
    private static final Set<String> RESERVED = Set.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
            StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, StreamsConfig.APPLICATION_ID_CONFIG,
            StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, StreamsConfig.STATE_DIR_CONFIG,
            StreamsConfig.NUM_STREAM_THREADS_CONFIG, StreamsConfig.REPLICATION_FACTOR_CONFIG,
            StreamsConfig.APPLICATION_SERVER_CONFIG);
    private static final Pattern APPLICATION_ID = Pattern.compile("[a-zA-Z0-9._-]{1,200}");
    private static final Pattern HOST_PORT = Pattern.compile("[^\\s:/]+:(\\d{1,5})");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern SECRET_KEY = Pattern.compile(".*(password|secret|jaas|user\\.info|token|key).*");

    /** @throws IllegalArgumentException naming every bad setting */
    public AggregatorConfig {
        kafkaProperties = Map.copyOf(kafkaProperties == null ? Map.of() : kafkaProperties);
        registryProperties = Map.copyOf(registryProperties == null ? Map.of() : registryProperties);
        List<String> problems = new ArrayList<>();
        if (applicationId == null || !APPLICATION_ID.matcher(applicationId).matches()) {
            problems.add("application-id: '" + applicationId + "' must be 1-200 of [a-zA-Z0-9._-] (it prefixes internal topics)");
        }
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            problems.add("bootstrap-servers: required (host:port[,host:port...])");
        }
        checkUrl(schemaRegistryUrl, problems);
        if (stateDir == null) {
            problems.add("state-dir: required");
        }
        if (streamThreads < 1) {
            problems.add("stream-threads: " + streamThreads + " must be at least 1");
        }
        if (replicationFactor != -1 && replicationFactor < 1) {
            problems.add("replication-factor: " + replicationFactor + " must be -1 (broker default) or at least 1");
        }
        checkHttp(httpPort, applicationServer, problems);
        if (clusterName == null || clusterName.isBlank()) {
            problems.add("cluster-name: required (the inventory's cluster_name)");
        }
        if (missingTagPolicy == null) {
            problems.add("missing-tag-policy: required (digest, insert or drop)");
        }
        if (missingTag == null || !TAG.matcher(missingTag).matches()) {
            problems.add("missing-tag: '" + missingTag + "' must be a valid image tag");
        }
        kafkaProperties.keySet().stream().filter(RESERVED::contains).sorted().forEach(key ->
                problems.add("kafka-property " + key + ": set by the aggregator itself"
                        + " (exactly-once and explicit naming are fixed; use the dedicated flag for the rest)"));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid aggregator configuration: " + String.join("; ", problems));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The Kafka Streams configuration: the pass-through properties, then the settings the aggregator fixes. */
    public Properties streamsProperties() {
        Properties properties = new Properties();
        properties.putAll(kafkaProperties);
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, String.valueOf(streamThreads));
        properties.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, String.valueOf(replicationFactor));
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        if (applicationServer != null) {
            properties.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        }
        return properties;
    }

    /** Settings for the schema registry client and the Avro serdes: the URL plus the pass-through properties. */
    public Map<String, String> registryClientProperties() {
        Map<String, String> properties = new LinkedHashMap<>(registryProperties);
        properties.put("schema.registry.url", schemaRegistryUrl);
        return properties;
    }

    private static void checkHttp(int port, String applicationServer, List<String> problems) {
        if (port < 0 || port > 65535) {
            problems.add("http-port: " + port + " must be 0-65535");
        }
        if (applicationServer == null) {
            return;
        }
        var matcher = HOST_PORT.matcher(applicationServer);
        if (!matcher.matches() || Integer.parseInt(matcher.group(1)) < 1 || Integer.parseInt(matcher.group(1)) > 65535) {
            problems.add("application-server: '" + applicationServer + "' must be host:port (this instance's HTTP address)");
        }
    }

    private static void checkUrl(String url, List<String> problems) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                problems.add("schema-registry-url: '" + url + "' must be an http(s) URL with a host");
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add("schema-registry-url: '" + url + "' is not a URL");
        }
    }

    @Override
    public String toString() {
        return "AggregatorConfig[applicationId=" + applicationId + ", bootstrapServers=" + bootstrapServers
                + ", schemaRegistryUrl=" + schemaRegistryUrl.replaceFirst("//[^/@]+@", "//****@")
                + ", stateDir=" + stateDir + ", streamThreads=" + streamThreads
                + ", replicationFactor=" + replicationFactor + ", kafkaProperties=" + masked(kafkaProperties)
                + ", registryProperties=" + masked(registryProperties) + ", httpPort=" + httpPort
                + ", applicationServer=" + applicationServer + ", clusterName=" + clusterName
                + ", missingTagPolicy=" + missingTagPolicy + ", missingTag=" + missingTag + "]";
    }

    private static Map<String, String> masked(Map<String, String> properties) {
        Map<String, String> out = new TreeMap<>();
        properties.forEach((k, v) -> out.put(k, SECRET_KEY.matcher(k.toLowerCase(Locale.ROOT)).matches() ? "****" : v));
        return out;
    }

    /**
     * Builds an {@link AggregatorConfig}; defaults: {@value #DEFAULT_APPLICATION_ID}, two stream threads, broker-default
     * replication, HTTP port {@value #DEFAULT_HTTP_PORT}, no {@code application.server}, cluster
     * {@value #DEFAULT_CLUSTER_NAME}, missing-tag policy {@code digest} with dummy tag {@value #DEFAULT_MISSING_TAG}.
     */
    public static final class Builder {
        private String applicationId = DEFAULT_APPLICATION_ID;
        private String bootstrapServers;
        private String schemaRegistryUrl;
        private Path stateDir = DEFAULT_STATE_DIR;
        // Two, even on two cores: while one thread waits for its exactly-once commit (producer flush, markers), the
        // other processes; at 150k pods and 1,000 pod events/s the steady-state p99 went 1.48 s → 0.85 s (bench/RESULTS.md).
        private int streamThreads = 2;
        private int replicationFactor = -1;
        private final Map<String, String> kafkaProperties = new LinkedHashMap<>();
        private final Map<String, String> registryProperties = new LinkedHashMap<>();
        private int httpPort = DEFAULT_HTTP_PORT;
        private String applicationServer;
        private String clusterName = DEFAULT_CLUSTER_NAME;
        private MissingTagPolicy missingTagPolicy = MissingTagPolicy.DIGEST;
        private String missingTag = DEFAULT_MISSING_TAG;

        private Builder() {
        }

        public Builder httpPort(int value) {
            httpPort = value;
            return this;
        }

        /** {@code host:port} of this instance's HTTP port as the other instances reach it. */
        public Builder applicationServer(String value) {
            applicationServer = value;
            return this;
        }

        public Builder clusterName(String value) {
            clusterName = value;
            return this;
        }

        public Builder missingTagPolicy(MissingTagPolicy value) {
            missingTagPolicy = value;
            return this;
        }

        public Builder missingTag(String value) {
            missingTag = value;
            return this;
        }

        public Builder applicationId(String value) {
            applicationId = value;
            return this;
        }

        public Builder bootstrapServers(String value) {
            bootstrapServers = value;
            return this;
        }

        public Builder schemaRegistryUrl(String value) {
            schemaRegistryUrl = value;
            return this;
        }

        public Builder stateDir(Path value) {
            stateDir = value;
            return this;
        }

        public Builder streamThreads(int value) {
            streamThreads = value;
            return this;
        }

        public Builder replicationFactor(int value) {
            replicationFactor = value;
            return this;
        }

        public Builder kafkaProperty(String key, String value) {
            kafkaProperties.put(key, value);
            return this;
        }

        public Builder registryProperty(String key, String value) {
            registryProperties.put(key, value);
            return this;
        }

        /** @throws IllegalArgumentException naming every bad setting */
        public AggregatorConfig build() {
            return new AggregatorConfig(applicationId, bootstrapServers, schemaRegistryUrl, stateDir, streamThreads,
                    replicationFactor, kafkaProperties, registryProperties, httpPort, applicationServer, clusterName,
                    missingTagPolicy, missingTag);
        }
    }
}
