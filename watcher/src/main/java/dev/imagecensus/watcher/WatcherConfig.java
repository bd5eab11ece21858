package dev.imagecensus.watcher;

import dev.imagecensus.schemas.Topics;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The watcher's settings, validated at build time with messages naming the bad setting (by its flag name).
 * Immutable; secrets in the pass-through client properties are masked in {@link #toString()}.
 *
 * @param cluster            cluster name, the prefix of every {@code image-events} key ({@code cluster/podUid/container})
 * @param kubeAccess         in-cluster service account or kubeconfig path + context
 * @param namespaceInclude   namespaces to watch (exact names or whole-name regexes); empty = all
 * @param namespaceExclude   namespaces to ignore (exact names or regexes); wins over the include list
 * @param runningOnly        count only pods in phase Running (KAI's ignore-not-running)
 * @param topic              the image-events topic
 * @param bootstrapServers   Kafka bootstrap servers
 * @param schemaRegistryUrl  Confluent-compatible schema registry URL
 * @param httpPort           port of {@code /healthz}, {@code /readyz}, {@code /metrics}; 0 = any free port
 * @param kafkaProperties    extra Kafka client settings (security, buffer.memory, ...), applied to producer and consumer
 * @param registryProperties extra schema-registry client settings (basic.auth.*, ssl.*)
 * @param listPageSize       items per list page ({@code limit})
 * @param queueCapacity      bound of the hand-over queue between the informers and the publisher
 */
public record WatcherConfig(String cluster, KubeAccess kubeAccess, List<String> namespaceInclude,
                            List<String> namespaceExclude, boolean runningOnly, String topic, String bootstrapServers,
                            String schemaRegistryUrl, int httpPort, Map<String, String> kafkaProperties,
                            Map<String, String> registryProperties, int listPageSize, int queueCapacity) {

    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final int DEFAULT_LIST_PAGE_SIZE = 500;
    public static final int DEFAULT_QUEUE_CAPACITY = 10_000;

    private static final Pattern CLUSTER_NAME = Pattern.compile("[A-Za-z0-9._:-]{1,253}");
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern SECRET_KEY = Pattern.compile(".*(password|secret|jaas|user\\.info|token|key).*");

    /** @throws IllegalArgumentException naming every bad setting */
    public WatcherConfig {
        namespaceInclude = List.copyOf(namespaceInclude);
        namespaceExclude = List.copyOf(namespaceExclude);
        kafkaProperties = Map.copyOf(kafkaProperties);
        registryProperties = Map.copyOf(registryProperties);
        List<String> problems = new ArrayList<>();
        if (cluster == null || !CLUSTER_NAME.matcher(cluster).matches()) {
            problems.add("cluster: '" + cluster + "' must be 1-253 of [A-Za-z0-9._:-] (no '/': it prefixes event keys)");
        }
        if (kubeAccess == null) {
            problems.add("kubeconfig/in-cluster: say how to reach the Kubernetes API");
        }
        checkPatterns("namespace-include", namespaceInclude, problems);
        checkPatterns("namespace-exclude", namespaceExclude, problems);
        if (topic == null || !TOPIC_NAME.matcher(topic).matches()) {
            problems.add("topic: '" + topic + "' is not a legal Kafka topic name");
        }
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            problems.add("bootstrap-servers: required (host:port[,host:port...])");
        }
        checkUrl(schemaRegistryUrl, problems);
        if (httpPort < 0 || httpPort > 65_535) {
            problems.add("http-port: " + httpPort + " is not a port (0-65535)");
        }
        if (listPageSize < 1 || listPageSize > 10_000) {
            problems.add("list-page-size: " + listPageSize + " must be 1-10000");
        }
        if (queueCapacity < 1) {
            problems.add("queue-capacity: " + queueCapacity + " must be at least 1");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid watcher configuration: " + String.join("; ", problems));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void checkPatterns(String setting, List<String> entries, List<String> problems) {
        for (String entry : entries) {
            try {
                Pattern.compile(Objects.requireNonNull(entry, "entry").strip());
            } catch (PatternSyntaxException e) {
                problems.add(setting + ": '" + entry + "' is neither a namespace name nor a valid regex ("
                        + e.getDescription() + ")");
            }
        }
    }

    private static void checkUrl(String url, List<String> problems) {
        try {
            URI uri = URI.create(Objects.requireNonNull(url, "url"));
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
        return "WatcherConfig[cluster=" + cluster + ", kube=" + kubeAccess + ", namespaceInclude=" + namespaceInclude
                + ", namespaceExclude=" + namespaceExclude + ", runningOnly=" + runningOnly + ", topic=" + topic
                + ", bootstrapServers=" + bootstrapServers + ", schemaRegistryUrl=" + maskUserInfo(schemaRegistryUrl)
                + ", httpPort=" + httpPort + ", kafkaProperties=" + masked(kafkaProperties) + ", registryProperties="
                + masked(registryProperties) + ", listPageSize=" + listPageSize + ", queueCapacity=" + queueCapacity + "]";
    }

    private static Map<String, String> masked(Map<String, String> properties) {
        Map<String, String> out = new TreeMap<>();
        properties.forEach((k, v) -> out.put(k, SECRET_KEY.matcher(k.toLowerCase(Locale.ROOT)).matches() ? "****" : v));
        return out;
    }

    private static String maskUserInfo(String url) {
        return url.replaceFirst("//[^/@]+@", "//****@");
    }

    /** Builds a {@link WatcherConfig}; defaults: all namespaces, every non-terminal pod, topic {@code image-events}. */
    public static final class Builder {
        private String cluster;
        private KubeAccess kubeAccess;
        private List<String> namespaceInclude = List.of();
        private List<String> namespaceExclude = List.of();
        private boolean runningOnly;
        private String topic = Topics.IMAGE_EVENTS;
        private String bootstrapServers;
        private String schemaRegistryUrl;
        private int httpPort = DEFAULT_HTTP_PORT;
        private final Map<String, String> kafkaProperties = new LinkedHashMap<>();
        private final Map<String, String> registryProperties = new LinkedHashMap<>();
        private int listPageSize = DEFAULT_LIST_PAGE_SIZE;
        private int queueCapacity = DEFAULT_QUEUE_CAPACITY;

        private Builder() {
        }

        public Builder cluster(String value) {
            cluster = value;
            return this;
        }

        public Builder kubeAccess(KubeAccess value) {
            kubeAccess = value;
            return this;
        }

        public Builder namespaceInclude(List<String> value) {
            namespaceInclude = value;
            return this;
        }

        public Builder namespaceExclude(List<String> value) {
            namespaceExclude = value;
            return this;
        }

        public Builder runningOnly(boolean value) {
            runningOnly = value;
            return this;
        }

        public Builder topic(String value) {
            topic = value;
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

        public Builder httpPort(int value) {
            httpPort = value;
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

        public Builder listPageSize(int value) {
            listPageSize = value;
            return this;
        }

        public Builder queueCapacity(int value) {
            queueCapacity = value;
            return this;
        }

        /** @throws IllegalArgumentException naming every bad setting */
        public WatcherConfig build() {
            return new WatcherConfig(cluster, kubeAccess, namespaceInclude, namespaceExclude, runningOnly, topic,
                    bootstrapServers, schemaRegistryUrl, httpPort, kafkaProperties, registryProperties, listPageSize,
                    queueCapacity);
        }
    }
}
