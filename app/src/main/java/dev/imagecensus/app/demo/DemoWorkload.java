package dev.imagecensus.app.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.imagecensus.app.demo.DemoImages.Slot;
import dev.imagecensus.app.demo.DemoObjects.Owner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One workload of the demo cluster and its current spec (replicas, images, revision); renders the objects the
 * API server should hold for it: ReplicaSets or Jobs, then pods. Mutated only by {@link DemoCluster}, under its lock.
 */
final class DemoWorkload {

    /** The controller kinds the demo simulates; the fake API server serves pods, ReplicaSets and Jobs. */
    enum Kind { DEPLOYMENT, STATEFUL_SET, DAEMON_SET, CRON_JOB, POD }

    static final List<String> NODES = List.of("node-a", "node-b", "node-c");

    final Kind kind;
    final String namespace;
    final String name;
    final List<Slot> initSlots;
    List<Slot> slots;
    int replicas;
    int revision;
    /** Pods this workload has in the cluster now, by name. */
    final List<String> live = new ArrayList<>();

    DemoWorkload(Kind kind, String namespace, String name, int replicas, List<Slot> initSlots, List<Slot> slots) {
        this.kind = kind;
        this.namespace = namespace;
        this.name = name;
        this.replicas = replicas;
        this.initSlots = List.copyOf(initSlots);
        this.slots = List.copyOf(slots);
    }

    /** The intermediate owner object (ReplicaSet of the current revision, Job of the current run), if any. */
    ObjectNode controllerObject(int revisionOf, boolean finished) {
        return switch (kind) {
            case DEPLOYMENT -> DemoObjects.replicaSet(owner(), replicaSetName(revisionOf), finished ? 0 : replicas);
            case CRON_JOB -> DemoObjects.job(owner(), jobName(revisionOf), finished);
            default -> null;
        };
    }

    /** The pods the workload should have now, by name, all Running. */
    Map<String, ObjectNode> pods(DemoImages images) {
        Map<String, ObjectNode> pods = new LinkedHashMap<>();
        List<String> init = initSlots.stream().map(images::reference).toList();
        List<String> app = slots.stream().map(images::reference).toList();
        switch (kind) {
            case DEPLOYMENT -> {
                String rs = replicaSetName(revision);
                Owner owner = new Owner("apps/v1", "ReplicaSet", namespace, rs);
                for (int i = 0; i < replicas; i++) {
                    String pod = rs + "-" + suffix(rs + "/" + i, 5);
                    pods.put(pod, DemoObjects.pod(namespace, pod, owner, node(i), init, app, "Running"));
                }
            }
            case STATEFUL_SET -> {
                for (int i = 0; i < replicas; i++) {
                    pods.put(name + "-" + i, DemoObjects.pod(namespace, name + "-" + i, owner(), node(i), init, app, "Running"));
                }
            }
            case DAEMON_SET -> NODES.forEach(node -> {
                String pod = name + "-" + suffix(node, 5);
                pods.put(pod, DemoObjects.pod(namespace, pod, owner(), node, init, app, "Running"));
            });
            case CRON_JOB -> pods.put(jobPod(revision), jobPod(images, revision, "Running"));
            case POD -> pods.put(name, DemoObjects.pod(namespace, name, null, node(0), init, app, "Running"));
        }
        return pods;
    }

    /** The pod of a CronJob run, in a phase. */
    ObjectNode jobPod(DemoImages images, int run, String phase) {
        Owner job = new Owner("batch/v1", "Job", namespace, jobName(run));
        return DemoObjects.pod(namespace, jobPod(run), job, node(run), initSlots.stream().map(images::reference).toList(),
                slots.stream().map(images::reference).toList(), phase);
    }

    String jobPod(int run) {
        return jobName(run) + "-" + suffix(jobName(run), 5);
    }

    String jobName(int run) {
        return name + "-" + (29_000_000 + run);
    }

    String replicaSetName(int rev) {
        return name + "-" + suffix(name + "/" + rev + "/" + slots, 10);
    }

    Owner owner() {
        String apiVersion = kind == Kind.CRON_JOB ? "batch/v1" : "apps/v1";
        String ownerKind = switch (kind) {
            case DEPLOYMENT -> "Deployment";
            case STATEFUL_SET -> "StatefulSet";
            case DAEMON_SET -> "DaemonSet";
            case CRON_JOB -> "CronJob";
            case POD -> "Pod";
        };
        return new Owner(apiVersion, ownerKind, namespace, name);
    }

    private static String node(int i) {
        return NODES.get(Math.floorMod(i, NODES.size()));
    }

    /** A stable pseudo-random suffix in Kubernetes' alphabet (no vowels), like generated names. */
    private static String suffix(String seed, int length) {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        long h = seed.hashCode() * 0x9E3779B97F4A7C15L;
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt((int) Math.floorMod(h, (long) alphabet.length())));
            h = h / alphabet.length() + 0x5DEECE66DL * (i + 1);
        }
        return s.toString();
    }
}
