package dev.imagecensus.schemas.serde;

import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * The serde's own settings, with Confluent's key names. Registry connection settings are read
 * separately by {@link dev.imagecensus.schemas.registry.SchemaRegistryClientConfig}.
 *
 * @param autoRegisterSchemas register the record's schema on first use; when false, look up its id
 * @param useLatestVersion    with auto-register off, write with the subject's latest version (its id and schema)
 * @param specificAvroReader  a deserializer built without a class returns generated classes instead of GenericRecords
 */
public record AvroSerdeConfig(boolean autoRegisterSchemas, boolean useLatestVersion, boolean specificAvroReader) {

    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

    public static final AvroSerdeConfig DEFAULTS = new AvroSerdeConfig(true, false, false);

    /** @throws ConfigException naming the bad key */
    public static AvroSerdeConfig parse(Map<String, ?> configs) {
        Map<String, ?> map = configs == null ? Map.of() : configs;
        requireTopicNameStrategy(map, KEY_SUBJECT_NAME_STRATEGY);
        requireTopicNameStrategy(map, VALUE_SUBJECT_NAME_STRATEGY);
        return new AvroSerdeConfig(
                bool(map, AUTO_REGISTER_SCHEMAS, DEFAULTS.autoRegisterSchemas()),
                bool(map, USE_LATEST_VERSION, DEFAULTS.useLatestVersion()),
                bool(map, SPECIFIC_AVRO_READER, DEFAULTS.specificAvroReader()));
    }

    private static boolean bool(Map<String, ?> map, String key, boolean defaultValue) {
        Object value = map.get(key);
        if (value == null || value.toString().isBlank()) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(key, value, "must be true or false");
        };
    }

    /** Any other strategy would put schemas under subjects our consumers and the registry's checks never look at. */
    private static void requireTopicNameStrategy(Map<String, ?> map, String key) {
        Object value = map.get(key);
        if (value == null || value.toString().isBlank()) {
            return;
        }
        String name = value instanceof Class<?> type ? type.getName() : value.toString().trim();
        if (!name.substring(name.lastIndexOf('.') + 1).equals("TopicNameStrategy")) {
            throw new ConfigException(key, name, "only TopicNameStrategy (<topic>-key / <topic>-value subjects) is supported");
        }
    }
}
