package dev.imagecensus.schemas.registry;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * TLS material for the registry connection, from Confluent's {@code schema.registry.ssl.*} keys.
 * Hostname verification is always on (the JDK HTTP client cannot disable it per client).
 *
 * @param truststore  certificates to trust; empty = the JVM's default trust
 * @param keystore    client certificate and key for mutual TLS
 * @param keyPassword password of the key inside the keystore; empty = the keystore password
 * @param protocol    the {@code SSLContext} protocol, e.g. {@code TLSv1.3}
 */
public record TlsConfig(Optional<Store> truststore, Optional<Store> keystore, Optional<String> keyPassword, String protocol) {

    public static final String PREFIX = "schema.registry.ssl.";
    public static final String TRUSTSTORE_LOCATION = PREFIX + "truststore.location";
    public static final String TRUSTSTORE_PASSWORD = PREFIX + "truststore.password";
    public static final String TRUSTSTORE_TYPE = PREFIX + "truststore.type";
    public static final String KEYSTORE_LOCATION = PREFIX + "keystore.location";
    public static final String KEYSTORE_PASSWORD = PREFIX + "keystore.password";
    public static final String KEYSTORE_TYPE = PREFIX + "keystore.type";
    public static final String KEY_PASSWORD = PREFIX + "key.password";
    public static final String PROTOCOL = PREFIX + "protocol";
    public static final String ENDPOINT_IDENTIFICATION_ALGORITHM = PREFIX + "endpoint.identification.algorithm";

    /** Kafka's default store type; the JDK's JKS keystore also reads PKCS12 files. */
    public static final String DEFAULT_STORE_TYPE = "JKS";
    /** Truststore type for a file of PEM certificates. */
    public static final String PEM = "PEM";

    /**
     * A key or trust store file.
     *
     * @param kind     {@code truststore} or {@code keystore}, naming the config keys in errors
     * @param location the file
     * @param password the store password, if any
     * @param type     {@code JKS}, {@code PKCS12}, or {@code PEM} (truststore only)
     */
    public record Store(String kind, Path location, Optional<String> password, String type) {

        public Store {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(type, "type");
        }

        String key(String suffix) {
            return PREFIX + kind + "." + suffix;
        }

        @Override
        public String toString() {
            return kind + "[location=" + location + ", type=" + type
                    + ", password=" + password.map(p -> ConfigReader.HIDDEN).orElse("none") + "]";
        }
    }

    public TlsConfig {
        Objects.requireNonNull(truststore, "truststore");
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(keyPassword, "keyPassword");
        Objects.requireNonNull(protocol, "protocol");
    }

    /** Empty when no TLS key is set, so https URLs use the JVM's defaults. */
    static Optional<TlsConfig> parse(ConfigReader reader) {
        reader.raw(ENDPOINT_IDENTIFICATION_ALGORITHM).ifPresent(value -> {
            if (!value.trim().equalsIgnoreCase("https")) {
                throw new ConfigException(ENDPOINT_IDENTIFICATION_ALGORITHM, value,
                        "only https (hostname verification) is supported; add the registry's name to its certificate instead");
            }
        });
        Optional<Store> truststore = store(reader, "truststore");
        Optional<Store> keystore = store(reader, "keystore");
        Optional<String> protocol = reader.string(PROTOCOL);
        if (truststore.isEmpty() && keystore.isEmpty() && protocol.isEmpty()) {
            return Optional.empty();
        }
        keystore.ifPresent(store -> {
            if (store.password().isEmpty()) {
                throw new ConfigException("Missing required configuration \"" + KEYSTORE_PASSWORD + "\": "
                        + KEYSTORE_LOCATION + " is set");
            }
            if (store.type().equals(PEM)) {
                throw new ConfigException(KEYSTORE_TYPE, PEM, "PEM is supported for the truststore only; use PKCS12 or JKS");
            }
        });
        return Optional.of(new TlsConfig(truststore, keystore, reader.string(KEY_PASSWORD), protocol.orElse("TLS")));
    }

    private static Optional<Store> store(ConfigReader reader, String kind) {
        return reader.string(PREFIX + kind + ".location").map(location -> new Store(
                kind,
                Path.of(location),
                reader.string(PREFIX + kind + ".password"),
                reader.string(PREFIX + kind + ".type", DEFAULT_STORE_TYPE).toUpperCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return "TlsConfig[truststore=" + truststore.map(Store::toString).orElse("JVM default")
                + ", keystore=" + keystore.map(Store::toString).orElse("none")
                + ", keyPassword=" + keyPassword.map(p -> ConfigReader.HIDDEN).orElse("none")
                + ", protocol=" + protocol + "]";
    }
}
