package dev.imagecensus.watcher.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The events that turn one pod's published containers into its desired ones. */
public final class ContainerDiff {

    private ContainerDiff() {
    }

    /**
     * ADDED for desired containers not published, UPDATED for those whose substance changed
     * ({@link ContainerRecord#sameSubstance}), DELETED for published ones no longer desired; nothing for the rest.
     *
     * @param published what was last published for the pod (empty when nothing)
     * @param desired   what should be published now (empty when the pod no longer counts)
     * @param current   the pod's current facts, given to DELETED events; null when the pod is gone without a trace
     */
    public static List<Change> diff(List<ContainerRecord> published, List<ContainerRecord> desired, PodFacts current) {
        if (published.isEmpty() && desired.isEmpty()) {
            return List.of();
        }
        Map<String, ContainerRecord> before = new HashMap<>();
        for (ContainerRecord record : published) {
            before.put(record.name(), record);
        }
        List<Change> changes = new ArrayList<>();
        for (ContainerRecord now : desired) {
            ContainerRecord was = before.remove(now.name());
            if (was == null) {
                changes.add(new Change(ChangeType.ADDED, now));
            } else if (!was.sameSubstance(now)) {
                changes.add(new Change(ChangeType.UPDATED, now));
            }
        }
        for (ContainerRecord record : published) {
            if (before.containsKey(record.name())) {
                changes.add(new Change(ChangeType.DELETED, current == null ? record : record.withPod(current)));
            }
        }
        return changes;
    }
}
