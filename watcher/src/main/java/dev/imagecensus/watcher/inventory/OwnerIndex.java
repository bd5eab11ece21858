package dev.imagecensus.watcher.inventory;

import dev.imagecensus.watcher.model.OwnerRef;
import dev.imagecensus.watcher.model.ResourceType;
import dev.imagecensus.watcher.model.WorkloadView;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The controllers of known ReplicaSets and Jobs, to climb from a pod to its top-level workload:
 * Pod → ReplicaSet → Deployment, Pod → Job → CronJob; StatefulSet, DaemonSet and other owners directly; a ReplicaSet
 * or Job without a controller is itself the workload; a pod without owner is its own ({@code Pod/<name>}).
 * Holds one small entry per ReplicaSet/Job, never whole objects.
 */
public final class OwnerIndex {

    static final String REPLICA_SET = "ReplicaSet";
    static final String JOB = "Job";
    static final String POD = "Pod";
    /** Stands for "known, without controller" (map values cannot be null). */
    private static final OwnerRef NONE = new OwnerRef("", "");

    private final Map<String, OwnerRef> controllers = new HashMap<>();

    /**
     * A resolved owner; {@code pendingKey} is non-null when the chain stopped at a ReplicaSet/Job not (yet) known,
     * so {@code owner} is only provisional: the workload key to wait for.
     */
    public record Resolution(OwnerRef owner, String pendingKey) {
        public boolean complete() {
            return pendingKey == null;
        }
    }

    public void put(WorkloadView workload) {
        controllers.put(key(workload.type(), workload.namespace(), workload.name()),
                workload.controller() == null ? NONE : workload.controller());
    }

    public void remove(WorkloadView workload) {
        controllers.remove(key(workload.type(), workload.namespace(), workload.name()));
    }

    /** Forgets every workload of {@code type} whose key is not in {@code keep} (after a relist). */
    public void retain(ResourceType type, Set<String> keep) {
        String prefix = type.name() + "|";
        controllers.keySet().removeIf(k -> k.startsWith(prefix) && !keep.contains(k));
    }

    public int size() {
        return controllers.size();
    }

    /** Resolves the top-level workload of pod {@code podName} whose controlling owner reference is {@code controller}. */
    public Resolution resolve(String namespace, String podName, OwnerRef controller) {
        if (controller == null) {
            return new Resolution(new OwnerRef(POD, podName), null);
        }
        ResourceType intermediate = switch (controller.kind()) {
            case REPLICA_SET -> ResourceType.REPLICA_SET;
            case JOB -> ResourceType.JOB;
            default -> null;
        };
        if (intermediate == null) {
            return new Resolution(controller, null);
        }
        String key = key(intermediate, namespace, controller.name());
        OwnerRef parent = controllers.get(key);
        if (parent == null) {
            return new Resolution(controller, key);
        }
        return new Resolution(parent == NONE ? controller : parent, null);
    }

    /** The index key of a workload; also the key a pending pod waits on. */
    public static String key(ResourceType type, String namespace, String name) {
        return type.name() + "|" + namespace + "/" + name;
    }

    /** The owner reference a pending key stands for: {@code ReplicaSet/<name>} or {@code Job/<name>}. */
    static OwnerRef ownerOf(String pendingKey) {
        String kind = pendingKey.startsWith(ResourceType.JOB.name() + "|") ? JOB : REPLICA_SET;
        return new OwnerRef(kind, pendingKey.substring(pendingKey.indexOf('/') + 1));
    }
}
