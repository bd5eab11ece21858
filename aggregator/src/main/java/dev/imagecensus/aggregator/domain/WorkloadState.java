package dev.imagecensus.aggregator.domain;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A top-level workload (namespace + owner kind + owner name) summarised over its pods, folded from the pod
 * table by {@link #plus} / {@link #minus}.
 *
 * @param pods            live pods of the workload
 * @param fipsEnabledPods pods whose {@link PodState#fips()} is ENABLED
 * @param fipsUnknownPods pods whose {@link PodState#fips()} is UNKNOWN
 * @param images          by {@code container|image}
 */
public record WorkloadState(String cluster, String namespace, String ownerKind, String ownerName, int pods,
                            int fipsEnabledPods, int fipsUnknownPods, SortedMap<String, WorkloadImage> images) {

    /** The aggregate's initial value; identity fields are filled by the first pod. */
    public static final WorkloadState NONE = new WorkloadState(null, null, null, null, 0, 0, 0, null);

    public WorkloadState {
        images = images == null || images.isEmpty()
                ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(images));
    }

    /** Adds a pod (the adder). */
    public WorkloadState plus(PodState pod) {
        TreeMap<String, WorkloadImage> next = new TreeMap<>(images);
        for (var entry : pod.containers().entrySet()) {
            String name = entry.getKey();
            PodContainer c = entry.getValue();
            WorkloadImage old = next.get(WorkloadImage.key(name, c.image()));
            int count = old == null ? 1 : old.pods() + 1;
            // The newest pod's view of the image wins: classifications only move forward.
            next.put(WorkloadImage.key(name, c.image()), new WorkloadImage(name, c.image(), c.existence(), c.effectiveFips(), count));
        }
        PodFips fips = pod.fips();
        return new WorkloadState(pod.cluster(), pod.namespace(), pod.ownerKind(), pod.ownerName(), pods + 1,
                fipsEnabledPods + (fips == PodFips.ENABLED ? 1 : 0),
                fipsUnknownPods + (fips == PodFips.UNKNOWN ? 1 : 0), next);
    }

    /** Removes a pod (the subtractor), given the value it was added with. */
    public WorkloadState minus(PodState pod) {
        TreeMap<String, WorkloadImage> next = new TreeMap<>(images);
        for (var entry : pod.containers().entrySet()) {
            String key = WorkloadImage.key(entry.getKey(), entry.getValue().image());
            WorkloadImage old = next.get(key);
            if (old == null) {
                continue;
            }
            if (old.pods() <= 1) {
                next.remove(key);
            } else {
                next.put(key, new WorkloadImage(old.container(), old.image(), old.existence(), old.fips(), old.pods() - 1));
            }
        }
        PodFips fips = pod.fips();
        return new WorkloadState(cluster, namespace, ownerKind, ownerName, Math.max(0, pods - 1),
                Math.max(0, fipsEnabledPods - (fips == PodFips.ENABLED ? 1 : 0)),
                Math.max(0, fipsUnknownPods - (fips == PodFips.UNKNOWN ? 1 : 0)), next);
    }

    /** Whether any pod is left; an empty workload is deleted from the table. */
    public boolean hasPods() {
        return pods > 0;
    }

    /** See {@link WorkloadFips} for the rule. */
    public WorkloadFips fips() {
        if (pods > 0 && fipsEnabledPods == pods) {
            return WorkloadFips.ENABLED;
        }
        if (fipsEnabledPods > 0) {
            return WorkloadFips.PARTIAL;
        }
        return fipsUnknownPods > 0 ? WorkloadFips.UNKNOWN : WorkloadFips.DISABLED;
    }
}
