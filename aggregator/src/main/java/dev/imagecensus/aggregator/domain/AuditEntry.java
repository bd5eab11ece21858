package dev.imagecensus.aggregator.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * One audit transition, attributed to the container that caused it.
 *
 * @param at when it happened: the time of the change that caused it (epoch millis)
 */
public record AuditEntry(String image, AuditAction action, long at, String cluster, String namespace, String pod,
                         String digest) {

    public AuditEntry {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(action, "action");
    }

    /**
     * The audit rule. {@code recordedInUse} is what the changelogged audit store says was last audited, never what
     * this process remembers: ENTERED when the image is in use and was not recorded so, LEFT when it is no longer
     * in use and was; nothing otherwise. So a duplicate ADDED, a second container of an image already in use, or
     * a restart that replays changes never yields a second ENTERED.
     */
    public static Optional<AuditAction> transition(boolean recordedInUse, ImageUsage usage) {
        boolean inUse = usage != null && usage.inUse();
        if (inUse && !recordedInUse) {
            return Optional.of(AuditAction.ENTERED);
        }
        if (!inUse && recordedInUse) {
            return Optional.of(AuditAction.LEFT);
        }
        return Optional.empty();
    }

    /** The entry for {@code action}, naming the container of {@code usage}'s last change when known. */
    public static AuditEntry of(String image, AuditAction action, ImageUsage usage, long at) {
        UsageChange change = usage == null ? null : usage.lastChange();
        if (change == null) {
            return new AuditEntry(image, action, at, null, null, null, null);
        }
        return new AuditEntry(image, action, at, change.cluster(), change.namespace(), change.pod(), change.digest());
    }

    /** The pod that caused it, as {@code namespace|pod} in the log line. */
    public Optional<String> podRef() {
        return namespace == null ? Optional.empty() : Optional.of(namespace + "|" + (pod == null ? "" : pod));
    }
}
