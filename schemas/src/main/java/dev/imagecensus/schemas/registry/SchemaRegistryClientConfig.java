package dev.imagecensus.schemas.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * Typed, validated settings of {@link HttpSchemaRegistryClient}, read with Confluent's config key names so
 * existing serializer and converter configs work unchanged. Immutable; secrets are masked in {@link #toString()}.
 *
 * @param urls              registry base URLs, tried in turn on I/O errors (may carry user info, see {@link CredentialsSource#URL})
 * @param credentialsSource where basic-auth credentials come from
 * @param userInfo          {@code user:password} for {@link CredentialsSource#USER_INFO}
 * @param connectTimeout    TCP/TLS connect timeout
 * @param requestTimeout    time for one request to answer
 * @param latestCacheTtl    how long a subject's latest version is reused: zero = not cached, negative = forever
 * @param maxRetries        extra rounds over all URLs after I/O errors, 408, 429 and 5xx
 * @param retryWait         first backoff between rounds (doubles, with jitter)
 * @param retryMaxWait      backoff cap, also for {@code Retry-After}
 * @param tls               trust and key material; empty = the JVM's default trust
 */
public record SchemaRegistryClientConfig(
        List<URI> urls,
        CredentialsSource credentialsSource,
        Optional<String> userInfo,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration latestCacheTtl,
        int maxRetries,
        Duration retryWait,
        Duration retryMaxWait,
        Optional<TlsConfig> tls) {

    public static final String URL = "schema.registry.url";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Confluent's deprecated spelling of {@link #BASIC_AUTH_USER_INFO}, still accepted. */
    public static final String LEGACY_BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
    public static final String MAX_RETRIES = "max.retries";
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";

    public static final long DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
    public static final long DEFAULT_READ_TIMEOUT_MS = 30_000;
    public static final long DEFAULT_LATEST_CACHE_TTL_SEC = 30;
    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final long DEFAULT_RETRIES_WAIT_MS = 1_000;
    public static final long DEFAULT_RETRIES_MAX_WAIT_MS = 20_000;

    /** Where basic-auth credentials come from ({@code basic.auth.credentials.source}). */
    public enum CredentialsSource {
        /** The user info of each URL ({@code https://user:pass@host}); none when the URL has none. Confluent's default. */
        URL,
        /** {@code basic.auth.user.info}. */
        USER_INFO
    }

    public SchemaRegistryClientConfig {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one registry URL is required");
        }
        Objects.requireNonNull(credentialsSource, "credentialsSource");
        Objects.requireNonNull(userInfo, "userInfo");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(latestCacheTtl, "latestCacheTtl");
        Objects.requireNonNull(retryWait, "retryWait");
        Objects.requireNonNull(retryMaxWait, "retryMaxWait");
        Objects.requireNonNull(tls, "tls");
        if (credentialsSource == CredentialsSource.USER_INFO && userInfo.isEmpty()) {
            throw new IllegalArgumentException("USER_INFO credentials need userInfo");
        }
    }

    /**
     * Parses and validates a Kafka-style config map (values may be strings, numbers, lists or Kafka {@code Password}s).
     *
     * @throws ConfigException naming the missing or bad key
     */
    public static SchemaRegistryClientConfig parse(Map<String, ?> configs) {
        ConfigReader reader = new ConfigReader(configs);
        List<URI> urls = parseUrls(reader.required(URL, "comma-separated schema registry base URLs"));
        Optional<String> userInfo = reader.string(BASIC_AUTH_USER_INFO).or(() -> reader.string(LEGACY_BASIC_AUTH_USER_INFO));
        CredentialsSource source = parseSource(reader, userInfo);
        if (source == CredentialsSource.USER_INFO) {
            String info = userInfo.orElseThrow(() -> new ConfigException("Missing required configuration \""
                    + BASIC_AUTH_USER_INFO + "\": " + BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO needs user:password"));
            if (info.indexOf(':') < 1) {
                throw new ConfigException(BASIC_AUTH_USER_INFO, ConfigReader.HIDDEN, "must have the form user:password");
            }
        }
        long ttl = reader.longValue(LATEST_CACHE_TTL_SEC, DEFAULT_LATEST_CACHE_TTL_SEC, -1);
        return new SchemaRegistryClientConfig(
                urls,
                source,
                source == CredentialsSource.USER_INFO ? userInfo : Optional.empty(),
                Duration.ofMillis(reader.longValue(HTTP_CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT_MS, 1)),
                Duration.ofMillis(reader.longValue(HTTP_READ_TIMEOUT_MS, DEFAULT_READ_TIMEOUT_MS, 1)),
                ttl < 0 ? Duration.ofSeconds(-1) : Duration.ofSeconds(ttl),
                reader.intValue(MAX_RETRIES, DEFAULT_MAX_RETRIES, 0),
                Duration.ofMillis(reader.longValue(RETRIES_WAIT_MS, DEFAULT_RETRIES_WAIT_MS, 0)),
                Duration.ofMillis(reader.longValue(RETRIES_MAX_WAIT_MS, DEFAULT_RETRIES_MAX_WAIT_MS, 0)),
                TlsConfig.parse(reader));
    }

    private static List<URI> parseUrls(String text) {
        List<URI> urls = new ArrayList<>();
        for (String part : text.split(",")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            URI uri;
            try {
                uri = new URI(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
            } catch (URISyntaxException e) {
                throw new ConfigException(URL, masked(trimmed), "not a URL: " + e.getReason());
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new ConfigException(URL, masked(trimmed), "each URL must be http://host[:port] or https://host[:port]");
            }
            urls.add(uri);
        }
        if (urls.isEmpty()) {
            throw new ConfigException(URL, text, "no URL given");
        }
        return urls;
    }

    private static CredentialsSource parseSource(ConfigReader reader, Optional<String> userInfo) {
        Optional<String> text = reader.string(BASIC_AUTH_CREDENTIALS_SOURCE);
        if (text.isEmpty()) {
            // Confluent defaults to URL and silently ignores a lone user.info; using it is what the user meant.
            return userInfo.isPresent() ? CredentialsSource.USER_INFO : CredentialsSource.URL;
        }
        return switch (text.get().toUpperCase(Locale.ROOT)) {
            case "URL" -> CredentialsSource.URL;
            case "USER_INFO" -> CredentialsSource.USER_INFO;
            case "SASL_INHERIT" -> throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, text.get(),
                    "SASL_INHERIT is not supported; use USER_INFO with " + BASIC_AUTH_USER_INFO);
            default -> throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, text.get(), "must be URL or USER_INFO");
        };
    }

    /** The URL with any user info replaced, for logs and messages. */
    static String masked(String url) {
        return url.replaceFirst("://[^/@]*@", "://" + ConfigReader.HIDDEN + "@");
    }

    @Override
    public String toString() {
        return "SchemaRegistryClientConfig[urls=" + urls.stream().map(u -> masked(u.toString())).toList()
                + ", credentialsSource=" + credentialsSource
                + ", userInfo=" + userInfo.map(u -> ConfigReader.HIDDEN).orElse("none")
                + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout
                + ", latestCacheTtl=" + (latestCacheTtl.isNegative() ? "forever" : latestCacheTtl)
                + ", maxRetries=" + maxRetries
                + ", retryWait=" + retryWait
                + ", retryMaxWait=" + retryMaxWait
                + ", tls=" + tls.map(TlsConfig::toString).orElse("JVM default") + "]";
    }
}
