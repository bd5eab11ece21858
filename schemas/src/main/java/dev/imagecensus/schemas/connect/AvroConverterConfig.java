package dev.imagecensus.schemas.connect;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The {@link AvroConverter}'s own settings, under Confluent's names. Connection settings (basic auth, TLS)
 * are read by the registry client from the same map.
 */
public final class AvroConverterConfig extends AbstractConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
    public static final String SCHEMAS_CACHE_SIZE = "schemas.cache.config";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(SCHEMA_REGISTRY_URL, Type.LIST, List.of(), Importance.HIGH,
                    "Comma-separated URLs of a Confluent-compatible schema registry. Required unless a client is given.")
            .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Register the Avro schema derived from the Connect schema under <topic>-value / <topic>-key when writing.")
            .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.MEDIUM,
                    "When not auto-registering, write with the subject's latest schema instead of looking up the derived one.")
            .define(LATEST_CACHE_TTL_SEC, Type.LONG, -1L, Importance.LOW,
                    "How long the latest version of a subject is cached, in seconds; -1 keeps it until restart.")
            .define(SCHEMAS_CACHE_SIZE, Type.INT, AvroData.DEFAULT_CACHE_SIZE, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Size of each Avro ⇄ Connect schema conversion cache.");

    public AvroConverterConfig(Map<String, ?> configs) {
        super(CONFIG_DEF, configs, false);
    }

    public List<String> schemaRegistryUrls() {
        return getList(SCHEMA_REGISTRY_URL);
    }

    public boolean autoRegisterSchemas() {
        return getBoolean(AUTO_REGISTER_SCHEMAS);
    }

    public boolean useLatestVersion() {
        return getBoolean(USE_LATEST_VERSION);
    }

    public long latestCacheTtlSeconds() {
        return getLong(LATEST_CACHE_TTL_SEC);
    }

    public int schemasCacheSize() {
        return getInt(SCHEMAS_CACHE_SIZE);
    }

    /** The settings that shape behaviour, with any credentials in URLs masked, for the one start-up log line. */
    @Override
    public String toString() {
        List<String> urls = schemaRegistryUrls().stream().map(u -> u.replaceAll("//[^/@]*@", "//***@")).toList();
        return "AvroConverterConfig{" + SCHEMA_REGISTRY_URL + "=" + urls
                + ", " + AUTO_REGISTER_SCHEMAS + "=" + autoRegisterSchemas()
                + ", " + USE_LATEST_VERSION + "=" + useLatestVersion()
                + ", " + LATEST_CACHE_TTL_SEC + "=" + latestCacheTtlSeconds()
                + ", " + SCHEMAS_CACHE_SIZE + "=" + schemasCacheSize() + "}";
    }
}
