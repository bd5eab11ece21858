package dev.imagecensus.aggregator.domain;

/**
 * The container whose arrival or departure last changed an image's usage: it is the one an audit record and
 * its log line name ({@code [default|web-7d67dc9ff9-mfll9]}).
 */
public record UsageChange(Kind kind, String cluster, String namespace, String pod, String digest) {

    /** Whether the container came or went. */
    public enum Kind { ADDED, REMOVED }

    static UsageChange of(Kind kind, LiveContainer container) {
        return new UsageChange(kind, container.cluster(), container.namespace(), container.pod(), container.digest());
    }
}
