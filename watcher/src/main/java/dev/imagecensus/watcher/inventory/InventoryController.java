package dev.imagecensus.watcher.inventory;

import dev.imagecensus.watcher.model.OwnerRef;
import dev.imagecensus.watcher.model.PodView;
import dev.imagecensus.watcher.model.ResourceType;
import dev.imagecensus.watcher.model.WorkloadView;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns signals from the list/watch adapters into the exact changes to publish, against the {@link PublishedState}:
 * a pod upsert is diffed container by container; a completed (re)list retracts every published pod the list did not
 * contain. Started from the state read back from {@code image-events}, the first list therefore publishes only what
 * changed while the watcher was down, and a 410 relist only what the lost watch events would have said.
 *
 * <p>Owners are resolved through an {@link OwnerIndex}; a pod seen before its ReplicaSet/Job gets a provisional owner
 * and is corrected (UPDATED) when the workload arrives. A resolved owner is never replaced by a provisional one, so
 * deleting a Deployment before its pods does not flap their owner. Single-threaded: owned by the event loop.
 */
public final class InventoryController {

    private final PodEvaluator evaluator;
    private final PublishedState state;
    private final OwnerIndex owners = new OwnerIndex();
    private final Map<ResourceType, Set<String>> listing = new EnumMap<>(ResourceType.class);
    /** Workload key → uids of published pods whose owner is provisional until that workload is known. */
    private final Map<String, Set<String>> pending = new HashMap<>();

    public InventoryController(PodEvaluator evaluator, PublishedState state) {
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.state = Objects.requireNonNull(state, "state");
    }

    /** Applies one signal; returns the changes to publish, in order. The published state already reflects them. */
    public List<Change> apply(Signal signal) {
        if (signal instanceof Signal.PodUpserted s) {
            return upsert(s.pod());
        } else if (signal instanceof Signal.PodDeleted s) {
            return delete(s.pod());
        } else if (signal instanceof Signal.WorkloadUpserted s) {
            return upsert(s.workload());
        } else if (signal instanceof Signal.WorkloadDeleted s) {
            return delete(s.workload());
        } else if (signal instanceof Signal.ListStarted s) {
            return startList(s.type());
        } else if (signal instanceof Signal.ListCompleted s) {
            return completeList(s.type());
        }
        throw new IllegalArgumentException("unknown signal " + signal);
    }

    /** Whether a list of {@code type} is in progress (its changes are resync changes). */
    public boolean listing(ResourceType type) {
        return listing.containsKey(type);
    }

    public PublishedState state() {
        return state;
    }

    public int knownWorkloads() {
        return owners.size();
    }

    private List<Change> startList(ResourceType type) {
        listing.put(type, new HashSet<>());
        return List.of();
    }

    private List<Change> completeList(ResourceType type) {
        Set<String> seen = listing.remove(type);
        if (seen == null) {
            return List.of();
        }
        if (type != ResourceType.POD) {
            owners.retain(type, seen);
            return List.of();
        }
        List<Change> changes = new ArrayList<>();
        for (String uid : state.podUids()) {
            if (!seen.contains(uid)) {
                changes.addAll(ContainerDiff.diff(state.remove(uid), List.of(), null));
            }
        }
        pending.values().forEach(uids -> uids.retainAll(seen));
        pending.values().removeIf(Set::isEmpty);
        return changes;
    }

    private List<Change> upsert(PodView pod) {
        Set<String> seen = listing.get(ResourceType.POD);
        if (seen != null) {
            seen.add(pod.uid());
        }
        List<ContainerRecord> published = state.get(pod.uid());
        OwnerIndex.Resolution resolution = owners.resolve(pod.namespace(), pod.name(), pod.controller());
        OwnerRef owner = resolution.owner();
        if (!resolution.complete() && !published.isEmpty()) {
            owner = published.get(0).pod().owner();
        }
        PodFacts facts = evaluator.facts(pod, owner);
        List<ContainerRecord> desired = evaluator.desired(pod, facts);
        if (!resolution.complete() && !desired.isEmpty()) {
            pending.computeIfAbsent(resolution.pendingKey(), k -> new HashSet<>()).add(pod.uid());
        }
        List<Change> changes = ContainerDiff.diff(published, desired, facts);
        state.put(pod.uid(), desired);
        return changes;
    }

    private List<Change> delete(PodView pod) {
        List<ContainerRecord> published = state.remove(pod.uid());
        if (published.isEmpty()) {
            return List.of();
        }
        PodFacts last = evaluator.facts(pod, published.get(0).pod().owner());
        return ContainerDiff.diff(published, List.of(), last);
    }

    private List<Change> upsert(WorkloadView workload) {
        owners.put(workload);
        String key = OwnerIndex.key(workload.type(), workload.namespace(), workload.name());
        Set<String> seen = listing.get(workload.type());
        if (seen != null) {
            seen.add(key);
        }
        Set<String> waiting = pending.remove(key);
        if (waiting == null) {
            return List.of();
        }
        List<Change> changes = new ArrayList<>();
        for (String uid : waiting) {
            changes.addAll(reresolve(uid, key));
        }
        return changes;
    }

    /** Re-resolves a published pod whose owner was provisional; UPDATED for each container when the owner changes. */
    private List<Change> reresolve(String podUid, String workloadKey) {
        List<ContainerRecord> published = state.get(podUid);
        if (published.isEmpty()) {
            return List.of();
        }
        PodFacts facts = published.get(0).pod();
        OwnerIndex.Resolution resolution = owners.resolve(facts.namespace(), facts.name(), OwnerIndex.ownerOf(workloadKey));
        if (resolution.owner().equals(facts.owner())) {
            return List.of();
        }
        List<ContainerRecord> updated = published.stream().map(r -> r.withPod(r.pod().withOwner(resolution.owner()))).toList();
        state.put(podUid, updated);
        return updated.stream().map(r -> new Change(ChangeType.UPDATED, r)).toList();
    }

    private List<Change> delete(WorkloadView workload) {
        owners.remove(workload);
        return List.of();
    }
}
