package dev.imagecensus.watcher.kube;

import java.io.Closeable;
import java.io.IOException;

/** The two calls a list/watch loop makes for one resource type, all namespaces, decoding into {@code T}. */
public interface KubeTransport<T> {

    /**
     * One page: the first when {@code continueToken} is null (a consistent, most recent read), else the next.
     *
     * @throws KubeApiException on a non-success answer (410 when the continue token expired)
     */
    ListPage<T> list(int limit, String continueToken) throws IOException;

    /** A watch from {@code resourceVersion} with bookmarks, which the server ends after about {@code timeoutSeconds}. */
    Stream<T> watch(String resourceVersion, int timeoutSeconds) throws IOException;

    /** An open watch; {@link #close()} may be called from another thread to abort a blocked {@link #next()}. */
    interface Stream<T> extends Closeable {
        /** The next event, or null when the server ended the stream. */
        WatchEvent<T> next() throws IOException;
    }
}
