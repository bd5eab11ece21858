package dev.imagecensus.aggregator.domain;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One pod's containers with their images' classification, folded from container changes by
 * {@link #plus} / {@link #without}; the basis of {@code workload_fips_enabled{namespace,pod}}.
 *
 * @param containers by container name
 */
public record PodState(String cluster, String namespace, String pod, String ownerKind, String ownerName,
                       SortedMap<String, PodContainer> containers) {

    public PodState {
        containers = containers == null || containers.isEmpty()
                ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(containers));
    }

    /** The aggregate's initial value; identity fields are filled by the first container. */
    public static final PodState NONE = new PodState(null, null, null, null, null, null);

    /** Adds or replaces container {@code c}, its image classified as {@code status} (null: not classified). */
    public PodState plus(LiveContainer c, ImageStatus status) {
        TreeMap<String, PodContainer> next = new TreeMap<>(containers);
        next.put(c.container(), PodContainer.of(c, status));
        return new PodState(c.cluster(), c.namespace(), c.pod(), c.ownerKind(), c.ownerName(), next);
    }

    /**
     * Removes container {@code name} if it belongs to pod instance {@code podUid}: a pod recreated under the same
     * name (a StatefulSet's {@code web-0}) may already hold the new instance's container, which a late removal of the
     * old one must not drop.
     */
    public PodState without(String name, String podUid) {
        PodContainer held = containers.get(name);
        if (held == null || !Objects.equals(held.podUid(), podUid)) {
            return this;
        }
        TreeMap<String, PodContainer> next = new TreeMap<>(containers);
        next.remove(name);
        return new PodState(cluster, namespace, pod, ownerKind, ownerName, next);
    }

    /**
     * The same pod with every container of image {@code imageRef} classified as {@code status} (null: no longer
     * classified); this pod itself when none uses it.
     */
    public PodState reclassify(String imageRef, ImageStatus status) {
        TreeMap<String, PodContainer> next = null;
        for (var entry : containers.entrySet()) {
            if (Objects.equals(entry.getValue().imageRef(), imageRef)) {
                next = next == null ? new TreeMap<>(containers) : next;
                next.put(entry.getKey(), entry.getValue().classifiedAs(status));
            }
        }
        return next == null ? this : new PodState(cluster, namespace, pod, ownerKind, ownerName, next);
    }

    /** Canonical references of the pod's valid images. */
    public Set<String> imageRefs() {
        Set<String> refs = new TreeSet<>();
        for (PodContainer c : containers.values()) {
            if (c.imageRef() != null) {
                refs.add(c.imageRef());
            }
        }
        return refs;
    }

    /** Whether any container is left; an empty pod is deleted from the table. */
    public boolean hasContainers() {
        return !containers.isEmpty();
    }

    /** See {@link PodFips} for the rule. */
    public PodFips fips() {
        boolean unknown = false;
        for (PodContainer c : containers.values()) {
            Fips fips = c.effectiveFips();
            if (fips.enabled()) {
                return PodFips.ENABLED;
            }
            unknown |= fips == Fips.UNKNOWN;
        }
        return unknown ? PodFips.UNKNOWN : PodFips.DISABLED;
    }

    /** The metric's value: 1 when {@link PodFips#ENABLED}. */
    public boolean fipsEnabled() {
        return fips() == PodFips.ENABLED;
    }

    /** Key of the pod's workload. */
    public String workloadKey() {
        return Keys.workload(cluster, namespace, ownerKind, ownerName);
    }
}
