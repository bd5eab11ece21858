package dev.imagecensus.watcher.model;

/** The resources the watcher lists and watches, all namespaces. */
public enum ResourceType {
    POD("pods"),
    REPLICA_SET("replicasets"),
    JOB("jobs");

    private final String plural;

    ResourceType(String plural) {
        this.plural = plural;
    }

    /** The API's plural name, for logs and metric labels. */
    public String plural() {
        return plural;
    }
}
