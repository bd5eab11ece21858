package dev.imagecensus.embedded.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.imagecensus.embedded.registry.StoreRecord.SchemaVersion;
import java.io.IOException;
import java.util.Optional;

/**
 * JSON keys and values of the {@code _schemas} topic, shaped like Confluent's KafkaStore:
 * {@code {"keytype":"SCHEMA","subject":..,"version":..,"magic":1}} → {@code {"subject","version","id","schema",
 * "deleted"}} and {@code {"keytype":"CONFIG","subject":..,"magic":0}} → {@code {"compatibilityLevel":..}}
 * (no subject for the global level; a tombstone removes a subject's level). Keys are written with a fixed field
 * order, so one version always maps to the same key bytes and compaction keeps only its latest state.
 */
final class StoreRecordCodec {

    private final ObjectMapper json = new ObjectMapper();

    byte[] key(StoreRecord record) {
        ObjectNode key = json.createObjectNode();
        if (record instanceof SchemaVersion v) {
            key.put("keytype", "SCHEMA").put("subject", v.subject()).put("version", v.version()).put("magic", 1);
        } else if (record instanceof StoreRecord.Config c) {
            key.put("keytype", "CONFIG");
            if (c.subject() != null) {
                key.put("subject", c.subject());
            }
            key.put("magic", 0);
        }
        return bytes(key);
    }

    /** The value, or null (a tombstone) when a subject's level is removed. */
    byte[] value(StoreRecord record) {
        if (record instanceof SchemaVersion v) {
            return bytes(json.createObjectNode().put("subject", v.subject()).put("version", v.version())
                    .put("id", v.id()).put("schema", v.schema()).put("deleted", v.deleted()));
        }
        StoreRecord.Config c = (StoreRecord.Config) record;
        return c.level() == null ? null : bytes(json.createObjectNode().put("compatibilityLevel", c.level().name()));
    }

    /**
     * @return the record, or empty for kinds this registry does not use (Confluent's NOOP, MODE, ... keys, and
     *         SCHEMA tombstones, which only a permanent delete writes)
     * @throws SchemaStoreException when the JSON is malformed
     */
    Optional<StoreRecord> decode(byte[] keyBytes, byte[] valueBytes) {
        try {
            JsonNode key = json.readTree(keyBytes);
            String type = key.path("keytype").asText();
            String subject = key.hasNonNull("subject") ? key.get("subject").asText() : null;
            if (type.equals("SCHEMA") && valueBytes != null) {
                JsonNode v = json.readTree(valueBytes);
                return Optional.of(new SchemaVersion(v.get("subject").asText(), v.get("version").asInt(),
                        v.get("id").asInt(), v.get("schema").asText(), v.path("deleted").asBoolean(false)));
            }
            if (type.equals("CONFIG")) {
                return Optional.of(new StoreRecord.Config(subject, valueBytes == null ? null : level(valueBytes)));
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw new SchemaStoreException("Malformed schema store record: " + e.getMessage(), e);
        }
    }

    private CompatibilityLevel level(byte[] valueBytes) throws IOException {
        String name = json.readTree(valueBytes).path("compatibilityLevel").asText();
        return CompatibilityLevel.parse(name)
                .orElseThrow(() -> new SchemaStoreException("Unknown compatibility level '" + name + "'"));
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new SchemaStoreException("Cannot encode " + node, e);
        }
    }
}
