package dev.imagecensus.embedded.registry;

import java.util.Objects;

/**
 * One fact the registry persists. The store is a log of these; replaying it in order rebuilds the registry.
 * Applying a record twice has no further effect, so a replay may overlap what is already applied.
 */
public sealed interface StoreRecord {

    /**
     * A version of a subject. A soft delete re-writes the same version with {@code deleted = true}.
     *
     * @param schema the schema in canonical form (Avro's own JSON rendering of the parsed schema)
     */
    record SchemaVersion(String subject, int version, int id, String schema, boolean deleted) implements StoreRecord {
        public SchemaVersion {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(schema, "schema");
            if (version < 1 || id < 1) {
                throw new IllegalArgumentException("version and id start at 1, got " + version + " and " + id);
            }
        }

        SchemaVersion asDeleted() {
            return new SchemaVersion(subject, version, id, schema, true);
        }
    }

    /**
     * A compatibility setting.
     *
     * @param subject the subject, or null for the global setting
     * @param level   the level, or null when the subject's own setting is removed
     */
    record Config(String subject, CompatibilityLevel level) implements StoreRecord {
    }
}
