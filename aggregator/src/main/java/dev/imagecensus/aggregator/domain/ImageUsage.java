package dev.imagecensus.aggregator.domain;

import java.util.Objects;
import java.util.SortedMap;

/**
 * How many live containers use one image, where, and at which running digests: the value of the per-image
 * usage table, folded by {@link #plus} (adder) and {@link #minus} (subtractor) so that every container change
 * is applied exactly once in each direction.
 *
 * <p>A usage with zero containers is the transient "last container just left" value: it still names that
 * container in {@link #lastChange()} so the LEFT audit can say which pod it was; the topology then drops it.
 *
 * @param namespaces live containers per namespace
 * @param digests    live containers per running digest (containers whose digest is not yet known are not in it)
 * @param firstSeen  observation time of the container that brought the image into use (epoch millis)
 */
public record ImageUsage(int containers, SortedMap<String, Integer> namespaces, SortedMap<String, Integer> digests,
                         long firstSeen, UsageChange lastChange) {

    /** The aggregate's initial value: nothing uses the image. */
    public static final ImageUsage NONE = new ImageUsage(0, null, null, 0L, null);

    public ImageUsage {
        if (containers < 0) {
            throw new IllegalArgumentException("containers must be >= 0, got " + containers);
        }
        namespaces = Counts.copy(namespaces);
        digests = Counts.copy(digests);
    }

    /** Whether at least one live container uses the image. */
    public boolean inUse() {
        return containers > 0;
    }

    /** Adds one container (the adder). The first container of an unused image sets {@link #firstSeen()}. */
    public ImageUsage plus(LiveContainer container) {
        Objects.requireNonNull(container, "container");
        long first = containers == 0 && firstSeen == 0L ? container.observedAt() : firstSeen;
        return new ImageUsage(containers + 1,
                Counts.add(namespaces, container.namespace(), 1),
                Counts.add(digests, container.digest(), 1),
                first, UsageChange.of(UsageChange.Kind.ADDED, container));
    }

    /**
     * Removes one container (the subtractor), given the value it was added with. Never below zero: a removal
     * the usage never saw added (which the table semantics rule out) is ignored rather than corrupting counts.
     */
    public ImageUsage minus(LiveContainer container) {
        Objects.requireNonNull(container, "container");
        if (containers == 0) {
            return this;
        }
        return new ImageUsage(containers - 1,
                Counts.add(namespaces, container.namespace(), -1),
                Counts.add(digests, container.digest(), -1),
                firstSeen, UsageChange.of(UsageChange.Kind.REMOVED, container));
    }
}
