package dev.imagecensus.embedded.registry;

import java.util.function.Consumer;

/**
 * Where the registry persists its {@link StoreRecord}s. The registry keeps the whole state in memory; a store only
 * has to append durably and give everything back in order on start.
 *
 * <p>The registry calls {@link #append} under its write lock, so implementations see a single writer and need not
 * be thread-safe beyond that. Failures are reported as {@link SchemaStoreException}.
 */
public interface SchemaStore extends AutoCloseable {

    /** Delivers every record persisted so far, oldest first. Called on start and to recover from a failed append. */
    void replay(Consumer<StoreRecord> sink);

    /** Persists one record; returns only once it is durable. The registry applies it to memory afterwards. */
    void append(StoreRecord record);

    @Override
    void close();

    /** Opens a store; {@link EmbeddedSchemaRegistry} opens it on start and closes it on close. */
    @FunctionalInterface
    interface Factory {
        SchemaStore open();
    }
}
