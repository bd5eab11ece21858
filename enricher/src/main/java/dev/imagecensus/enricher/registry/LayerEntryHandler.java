package dev.imagecensus.enricher.registry;

import dev.imagecensus.enricher.classify.TarEntry;
import java.io.IOException;
import java.io.InputStream;

/**
 * Receives a layer's tar entries in archive order, as {@link TarEntry}s (whiteouts are plain files named
 * {@code .wh.*}; interpreting them is the classifier's job). {@code LayerScanner::accept} fits.
 */
@FunctionalInterface
public interface LayerEntryHandler {

    /**
     * One entry.
     *
     * @param entry the header, its name as written in the archive ({@link TarEntry#normalizedPath()} for the path)
     * @param data  the entry's data: read as much as needed, never close (closing is ignored); reads count against
     *              the layer's limits
     * @return false to stop reading the layer (the scan is then neither complete nor partial, just stopped)
     * @throws IOException only from reading {@code data}
     */
    boolean onEntry(TarEntry entry, InputStream data) throws IOException;
}
