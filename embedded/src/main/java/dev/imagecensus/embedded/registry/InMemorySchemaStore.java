package dev.imagecensus.embedded.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps the record log in a list: nothing survives the JVM, but a new registry opened on the same instance
 * (see {@link #factory()}) replays it, which lets fast tests exercise a restart. Thread-safe.
 */
public final class InMemorySchemaStore implements SchemaStore {

    private final List<StoreRecord> log = new ArrayList<>();

    @Override
    public synchronized void replay(Consumer<StoreRecord> sink) {
        List.copyOf(log).forEach(sink);
    }

    @Override
    public synchronized void append(StoreRecord record) {
        log.add(record);
    }

    /** Records appended so far, oldest first. */
    public synchronized List<StoreRecord> records() {
        return List.copyOf(log);
    }

    /** Keeps the log: a registry closing this store may be followed by another one reading it. */
    @Override
    public void close() {
    }

    /** A factory handing out this same instance, so successive registries share the log. */
    public SchemaStore.Factory factory() {
        return new Shared(this);
    }

    private record Shared(InMemorySchemaStore store) implements SchemaStore.Factory {
        @Override
        public SchemaStore open() {
            return store;
        }

        @Override
        public String toString() {
            return "in-memory";
        }
    }
}
