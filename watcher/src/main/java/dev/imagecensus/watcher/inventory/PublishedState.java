package dev.imagecensus.watcher.inventory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the watcher has published and not retracted, per pod uid: rebuilt from {@code image-events} at start, then
 * kept in step with every change handed to the producer. Not thread-safe: owned by the event loop.
 */
public final class PublishedState {

    private final Map<String, List<ContainerRecord>> byPod = new HashMap<>();
    private int containers;

    /** A state holding {@code records} (e.g. read back from the topic); records of one pod may be in any order. */
    public static PublishedState of(Iterable<ContainerRecord> records) {
        Map<String, List<ContainerRecord>> grouped = new HashMap<>();
        for (ContainerRecord record : records) {
            grouped.computeIfAbsent(record.pod().uid(), k -> new java.util.ArrayList<>()).add(record);
        }
        PublishedState state = new PublishedState();
        grouped.forEach(state::put);
        return state;
    }

    /** The pod's published containers; empty when none. */
    public List<ContainerRecord> get(String podUid) {
        return byPod.getOrDefault(podUid, List.of());
    }

    /** Replaces the pod's published containers; an empty list forgets the pod. */
    public void put(String podUid, List<ContainerRecord> records) {
        List<ContainerRecord> old = records.isEmpty() ? byPod.remove(podUid) : byPod.put(podUid, List.copyOf(records));
        containers += records.size() - (old == null ? 0 : old.size());
    }

    public List<ContainerRecord> remove(String podUid) {
        List<ContainerRecord> old = byPod.remove(podUid);
        containers -= old == null ? 0 : old.size();
        return old == null ? List.of() : old;
    }

    /** A copy of the pod uids, safe to iterate while changing the state. */
    public Set<String> podUids() {
        return Set.copyOf(byPod.keySet());
    }

    public int podCount() {
        return byPod.size();
    }

    public int containerCount() {
        return containers;
    }
}
