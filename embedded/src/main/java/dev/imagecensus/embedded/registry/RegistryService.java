package dev.imagecensus.embedded.registry;

import dev.imagecensus.embedded.registry.CompatibilityChecker.Previous;
import dev.imagecensus.embedded.registry.StoreRecord.SchemaVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's rules, independent of HTTP. Every change is appended to the {@link SchemaStore} first and applied
 * to memory only once that succeeded. Changes are serialised by one write lock (ids are computed and persisted
 * under it, so concurrent registrations never share an id); reads share the read lock.
 */
final class RegistryService {

    private static final Logger log = LoggerFactory.getLogger(RegistryService.class);

    private final SchemaStore store;
    private final CompatibilityLevel defaultLevel;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<Integer, Schema> parsedById = new ConcurrentHashMap<>();
    private RegistryState state = new RegistryState();
    // After a failed append the log may hold a record memory lacks (outcome unknown): re-read before writing again.
    private boolean stale;

    /** Rebuilds the state from the store; a store failure surfaces as {@link SchemaStoreException}. */
    RegistryService(SchemaStore store, CompatibilityLevel defaultLevel) {
        this.store = store;
        this.defaultLevel = defaultLevel;
        store.replay(state::apply);
    }

    /** Registers a schema under a subject; an identical live version answers its id without a new version. */
    int register(String subject, String schemaText, String schemaType) {
        Schema schema = AvroSchemas.parse(schemaText, schemaType);
        String canonical = AvroSchemas.canonical(schema);
        return withWriteLock(() -> {
            rebuildIfStale();
            Optional<SchemaVersion> existing = find(subject, canonical, false);
            if (existing.isPresent()) {
                return existing.get().id();
            }
            List<String> problems = CompatibilityChecker.check(level(subject), schema, previous(subject));
            if (!problems.isEmpty()) {
                throw RegistryException.incompatible("Schema being registered is incompatible with an earlier schema"
                        + " for subject \"" + subject + "\", details: " + problems);
            }
            // The same schema keeps its global id in every subject, as in Confluent.
            int id = state.idOf(canonical).orElse(state.nextId());
            write(new SchemaVersion(subject, state.nextVersion(subject), id, canonical, false));
            return id;
        });
    }

    SchemaVersion lookup(String subject, String schemaText, String schemaType, boolean includeDeleted) {
        String canonical = AvroSchemas.canonical(AvroSchemas.parse(schemaText, schemaType));
        return withReadLock(() -> {
            if (state.versions(subject, includeDeleted).isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            return find(subject, canonical, includeDeleted)
                    .orElseThrow(() -> RegistryException.schemaNotFound("not registered under subject '" + subject + "'"));
        });
    }

    String schemaById(int id) {
        return withReadLock(() -> state.schemaById(id))
                .orElseThrow(() -> RegistryException.schemaNotFound("no schema with id " + id));
    }

    List<String> subjects(boolean includeDeleted) {
        return withReadLock(() -> state.subjects(includeDeleted));
    }

    List<Integer> versions(String subject, boolean includeDeleted) {
        return existingVersions(subject, includeDeleted).stream().map(SchemaVersion::version).toList();
    }

    SchemaVersion version(String subject, VersionId version, boolean includeDeleted) {
        return withReadLock(() -> resolve(subject, version, includeDeleted));
    }

    /** Soft-deletes every live version; their ids stay resolvable. Returns the deleted version numbers. */
    List<Integer> deleteSubject(String subject) {
        return withWriteLock(() -> {
            rebuildIfStale();
            List<SchemaVersion> live = state.versions(subject, false);
            if (live.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            live.forEach(v -> write(v.asDeleted()));
            return live.stream().map(SchemaVersion::version).toList();
        });
    }

    int deleteVersion(String subject, VersionId version) {
        return withWriteLock(() -> {
            rebuildIfStale();
            SchemaVersion v = resolve(subject, version, false);
            write(v.asDeleted());
            return v.version();
        });
    }

    /**
     * Checks a schema against a version under the subject's level (transitive levels: every live version when
     * asked about "latest"). A subject without versions accepts anything, as Confluent does for "latest".
     *
     * @return the incompatibilities, empty when compatible
     */
    List<String> checkCompatibility(String subject, VersionId version, String schemaText, String schemaType) {
        Schema schema = AvroSchemas.parse(schemaText, schemaType);
        return withReadLock(() -> {
            if (version.isLatest()) {
                return CompatibilityChecker.check(level(subject), schema, previous(subject));
            }
            SchemaVersion v = resolve(subject, version, false);
            return CompatibilityChecker.check(level(subject), schema, List.of(new Previous(v.version(), parsed(v))));
        });
    }

    CompatibilityLevel globalLevel() {
        return withReadLock(() -> state.globalLevel().orElse(defaultLevel));
    }

    Optional<CompatibilityLevel> subjectLevel(String subject) {
        return withReadLock(() -> state.subjectLevel(subject));
    }

    /** @param subject null for the global level */
    void setLevel(String subject, CompatibilityLevel level) {
        withWriteLock(() -> {
            rebuildIfStale();
            write(new StoreRecord.Config(subject, level));
            return null;
        });
    }

    /** Removes a subject's own level (it falls back to the global one) and returns what it was. */
    CompatibilityLevel deleteSubjectLevel(String subject) {
        return withWriteLock(() -> {
            rebuildIfStale();
            CompatibilityLevel previous = state.subjectLevel(subject)
                    .orElseThrow(() -> RegistryException.subjectNotFound(subject));
            write(new StoreRecord.Config(subject, null));
            return previous;
        });
    }

    private CompatibilityLevel level(String subject) {
        return state.subjectLevel(subject).or(state::globalLevel).orElse(defaultLevel);
    }

    private List<SchemaVersion> existingVersions(String subject, boolean includeDeleted) {
        List<SchemaVersion> versions = withReadLock(() -> state.versions(subject, includeDeleted));
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions;
    }

    private SchemaVersion resolve(String subject, VersionId version, boolean includeDeleted) {
        if (state.versions(subject, includeDeleted).isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        Optional<SchemaVersion> found = version.isLatest()
                ? state.latest(subject, includeDeleted)
                : state.version(subject, version.number(), includeDeleted);
        return found.orElseThrow(() -> RegistryException.versionNotFound(subject, version.number()));
    }

    private Optional<SchemaVersion> find(String subject, String canonical, boolean includeDeleted) {
        return state.versions(subject, includeDeleted).stream().filter(v -> v.schema().equals(canonical)).findFirst();
    }

    private List<Previous> previous(String subject) {
        return state.versions(subject, false).stream().map(v -> new Previous(v.version(), parsed(v))).toList();
    }

    private Schema parsed(SchemaVersion v) {
        return parsedById.computeIfAbsent(v.id(), id -> AvroSchemas.parseStored(v.schema()));
    }

    /** Persists, then applies. Caller holds the write lock. */
    private void write(StoreRecord record) {
        try {
            store.append(record);
        } catch (RuntimeException e) {
            stale = true;
            log.warn("Schema store write failed for {}", record, e);
            throw RegistryException.storeError("Error while writing to the schema store: " + e.getMessage(), e);
        }
        state.apply(record);
    }

    private void rebuildIfStale() {
        if (!stale) {
            return;
        }
        RegistryState fresh = new RegistryState();
        try {
            store.replay(fresh::apply);
        } catch (RuntimeException e) {
            throw RegistryException.storeError("Error while reading the schema store: " + e.getMessage(), e);
        }
        state = fresh;
        stale = false;
    }

    private <T> T withReadLock(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T withWriteLock(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
