package dev.imagecensus.embedded.registry;

import dev.imagecensus.embedded.registry.StoreRecord.SchemaVersion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Everything the registry knows, rebuilt from the store's records. Not thread-safe: {@link RegistryService}
 * guards it with its lock. Soft-deleted versions are kept (their ids stay resolvable) and hidden unless asked for.
 */
final class RegistryState {

    private final NavigableMap<String, NavigableMap<Integer, SchemaVersion>> subjects = new TreeMap<>();
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private int maxId;

    void apply(StoreRecord record) {
        // Java 17: no pattern matching in switch yet.
        if (record instanceof SchemaVersion v) {
            applyVersion(v);
        } else if (record instanceof StoreRecord.Config c) {
            applyConfig(c);
        }
    }

    private void applyVersion(SchemaVersion v) {
        subjects.computeIfAbsent(v.subject(), s -> new TreeMap<>()).put(v.version(), v);
        schemasById.putIfAbsent(v.id(), v.schema());
        // Should a log ever hold one schema under two ids, the lowest wins, whatever the replay order.
        idsBySchema.merge(v.schema(), v.id(), Math::min);
        maxId = Math.max(maxId, v.id());
    }

    private void applyConfig(StoreRecord.Config c) {
        if (c.subject() == null) {
            globalLevel = c.level();
        } else if (c.level() == null) {
            subjectLevels.remove(c.subject());
        } else {
            subjectLevels.put(c.subject(), c.level());
        }
    }

    Optional<String> schemaById(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    OptionalInt idOf(String canonicalSchema) {
        Integer id = idsBySchema.get(canonicalSchema);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    int nextId() {
        return maxId + 1;
    }

    List<String> subjects(boolean includeDeleted) {
        return subjects.keySet().stream().filter(s -> !versions(s, includeDeleted).isEmpty()).toList();
    }

    /** Versions of a subject, oldest first; empty when the subject is unknown (or wholly deleted). */
    List<SchemaVersion> versions(String subject, boolean includeDeleted) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
        if (versions == null) {
            return List.of();
        }
        return versions.values().stream().filter(v -> includeDeleted || !v.deleted()).toList();
    }

    Optional<SchemaVersion> latest(String subject, boolean includeDeleted) {
        List<SchemaVersion> versions = versions(subject, includeDeleted);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    Optional<SchemaVersion> version(String subject, int version, boolean includeDeleted) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
        SchemaVersion v = versions == null ? null : versions.get(version);
        return v == null || (v.deleted() && !includeDeleted) ? Optional.empty() : Optional.of(v);
    }

    /** Like Confluent, numbering continues after soft-deleted versions. */
    int nextVersion(String subject) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
        return versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
    }

    Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    Optional<CompatibilityLevel> globalLevel() {
        return Optional.ofNullable(globalLevel);
    }
}
