package dev.imagecensus.watcher.kube;

/**
 * One event of a watch stream.
 *
 * @param object          the decoded object for ADDED, MODIFIED and DELETED; null otherwise
 * @param resourceVersion the object's (or the bookmark's) resourceVersion; null for ERROR
 * @param error           the Status of an ERROR event; null otherwise
 */
public record WatchEvent<T>(Type type, T object, String resourceVersion, KubeApiException error) {

    /** The watch event types of the Kubernetes API. */
    public enum Type {
        ADDED,
        MODIFIED,
        DELETED,
        BOOKMARK,
        ERROR
    }
}
