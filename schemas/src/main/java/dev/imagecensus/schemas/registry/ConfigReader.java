package dev.imagecensus.schemas.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** Typed reads from a Kafka-style config map; every failure is a {@link ConfigException} naming the key. */
final class ConfigReader {

    static final String HIDDEN = "[hidden]";

    private final Map<String, ?> configs;

    ConfigReader(Map<String, ?> configs) {
        this.configs = configs == null ? Map.of() : configs;
    }

    /** The value as text; blank counts as absent (property files often carry {@code key=}). */
    Optional<String> string(String key) {
        return raw(key).filter(text -> !text.isBlank()).map(String::trim);
    }

    /** The value as text, blank kept, for keys where an empty value means something. */
    Optional<String> raw(String key) {
        Object value = configs.get(key);
        if (value == null) {
            return Optional.empty();
        }
        String text;
        if (value instanceof Password password) {
            text = password.value();
        } else if (value instanceof List<?> list) {
            text = String.join(",", list.stream().map(String::valueOf).toList());
        } else if (value instanceof Class<?> type) {
            text = type.getName();
        } else {
            text = value.toString();
        }
        return Optional.of(text);
    }

    String string(String key, String defaultValue) {
        return string(key).orElse(defaultValue);
    }

    String required(String key, String what) {
        return string(key).orElseThrow(() -> new ConfigException(
                "Missing required configuration \"" + key + "\": " + what));
    }

    long longValue(String key, long defaultValue, long min) {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(text.get());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, text.get(), "must be an integer");
        }
        if (value < min) {
            throw new ConfigException(key, value, "must be at least " + min);
        }
        return value;
    }

    int intValue(String key, int defaultValue, int min) {
        long value = longValue(key, defaultValue, min);
        if (value > Integer.MAX_VALUE) {
            throw new ConfigException(key, value, "must be at most " + Integer.MAX_VALUE);
        }
        return (int) value;
    }
}
