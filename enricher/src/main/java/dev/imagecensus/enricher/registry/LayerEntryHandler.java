package dev.imagecensus.enricher.registry;

import java.io.IOException;
import java.io.InputStream;

/** Receives a layer's tar entries in archive order. */
@FunctionalInterface
public interface LayerEntryHandler {

    /**
     * One entry.
     *
     * @param data the entry's data not already in {@link LayerEntry#content()}: all of it for files whose
     *             content was not wanted, the rest past the cap otherwise; read as much as needed, never close
     *             (closing is ignored). Reads count against the layer's limits.
     * @return false to stop reading the layer (the scan is then neither complete nor partial, just stopped)
     * @throws IOException only from reading {@code data}
     */
    boolean onEntry(LayerEntry entry, InputStream data) throws IOException;
}
