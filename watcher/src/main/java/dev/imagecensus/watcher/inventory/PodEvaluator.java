package dev.imagecensus.watcher.inventory;

import dev.imagecensus.watcher.model.ContainerSpec;
import dev.imagecensus.watcher.model.OwnerRef;
import dev.imagecensus.watcher.model.PodView;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Decides which of a pod's containers count and what their published records look like. */
public final class PodEvaluator {

    private final NamespaceFilter namespaces;
    private final boolean runningOnly;

    /**
     * @param runningOnly count only pods in phase Running (KAI's ignore-not-running); otherwise every pod that has
     *                    not reached a terminal phase (Succeeded, Failed) counts
     */
    public PodEvaluator(NamespaceFilter namespaces, boolean runningOnly) {
        this.namespaces = Objects.requireNonNull(namespaces, "namespaces");
        this.runningOnly = runningOnly;
    }

    /** Whether the pod's containers belong in the inventory now. */
    public boolean counts(PodView pod) {
        if (!namespaces.includes(pod.namespace())) {
            return false;
        }
        String phase = phaseOf(pod);
        if (runningOnly) {
            return "Running".equals(phase);
        }
        return !"Succeeded".equals(phase) && !"Failed".equals(phase);
    }

    public PodFacts facts(PodView pod, OwnerRef owner) {
        return new PodFacts(pod.uid(), pod.namespace(), pod.name(), phaseOf(pod), pod.nodeName(),
                pod.resourceVersion(), owner);
    }

    /** The records the pod should have published now: all its containers when it counts, none otherwise. */
    public List<ContainerRecord> desired(PodView pod, PodFacts facts) {
        if (!counts(pod)) {
            return List.of();
        }
        List<ContainerRecord> records = new ArrayList<>(pod.containers().size());
        for (ContainerSpec c : pod.containers()) {
            records.add(new ContainerRecord(facts, c.name(), c.kind(), c.image(), c.imageId()));
        }
        return List.copyOf(records);
    }

    private static String phaseOf(PodView pod) {
        return pod.phase() == null || pod.phase().isBlank() ? PodFacts.UNKNOWN_PHASE : pod.phase();
    }
}
