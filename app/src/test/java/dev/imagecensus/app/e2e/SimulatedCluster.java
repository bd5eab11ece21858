package dev.imagecensus.app.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.imagecensus.fakeapi.FakeCluster;
import dev.imagecensus.fakeapi.ResourceKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Drives a {@link FakeCluster} the way Kubernetes controllers would: Deployments (a ReplicaSet per rollout, then
 * its pods), StatefulSets, DaemonSets, CronJobs (a Job per run, its pod Running then Succeeded) and bare pods, each
 * pod with init and app containers and a runtime {@code imageID} once its image is pulled. It only writes objects;
 * what the pipeline should conclude is computed from those objects by {@link GroundTruth}, not from this model.
 */
final class SimulatedCluster {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> NODES = List.of("node-a", "node-b", "node-c", "node-d", "node-e");

    /** Kinds of top-level workload this cluster simulates. */
    enum Kind { DEPLOYMENT, STATEFUL_SET, DAEMON_SET, CRON_JOB, POD }

    /** One workload's current spec; {@code revision} counts rollouts (Deployment) or runs (CronJob). */
    static final class Workload {
        final Kind kind;
        final String namespace;
        final String name;
        List<String> init;
        List<String> images;
        int replicas;
        int revision;
        final List<String> live = new ArrayList<>();

        Workload(Kind kind, String namespace, String name, int replicas, List<String> init, List<String> images) {
            this.kind = kind;
            this.namespace = namespace;
            this.name = name;
            this.replicas = replicas;
            this.init = List.copyOf(init);
            this.images = List.copyOf(images);
        }
    }

    private final FakeCluster cluster;
    private final ImageCatalogue images;
    private final Map<String, Workload> workloads = new LinkedHashMap<>();

    SimulatedCluster(FakeCluster cluster, ImageCatalogue images) {
        this.cluster = cluster;
        this.images = images;
    }

    FakeCluster fake() {
        return cluster;
    }

    /** Adds a workload and creates its objects. */
    synchronized void add(Workload w) {
        cluster.apply(ResourceKind.NAMESPACE, namespace(w.namespace).toString());
        workloads.put(w.namespace + "/" + w.name, w);
        sync(w);
    }

    synchronized void scale(String namespace, String name, int replicas) {
        Workload w = workload(namespace, name);
        w.replicas = replicas;
        sync(w);
    }

    /** A Deployment rollout to new images: a new ReplicaSet and its pods, the old ReplicaSet scaled to 0. */
    synchronized void rollout(String namespace, String name, List<String> newImages) {
        Workload w = workload(namespace, name);
        if (w.kind != Kind.DEPLOYMENT) {
            throw new IllegalArgumentException(name + " is not a Deployment");
        }
        cluster.apply(ResourceKind.REPLICA_SET, replicaSet(w, w.revision, 0).toString());
        w.images = List.copyOf(newImages);
        w.revision++;
        sync(w);
    }

    /** The CronJob's current run completes (its pod Succeeded, kept like successfulJobsHistoryLimit) and the next starts. */
    synchronized void completeJob(String namespace, String name) {
        Workload w = workload(namespace, name);
        int run = w.revision;
        cluster.apply(ResourceKind.POD, pod(w, jobPod(w, run), owner("batch/v1", "Job", w.namespace, jobName(w, run)),
                0, "Succeeded").toString());
        cluster.apply(ResourceKind.JOB, job(w, run, true).toString());
        w.live.remove(jobPod(w, run));
        w.revision++;
        sync(w);
    }

    /** Deletes a pod outright (a bare pod, or a node going away for a DaemonSet's pod); not recreated. */
    synchronized void deletePod(String namespace, String pod) {
        cluster.delete(ResourceKind.POD, namespace, pod);
        workloads.values().forEach(w -> w.live.remove(pod));
    }

    synchronized List<String> livePods(String namespace, String name) {
        return List.copyOf(workload(namespace, name).live);
    }

    private Workload workload(String namespace, String name) {
        Workload w = workloads.get(namespace + "/" + name);
        if (w == null) {
            throw new IllegalArgumentException("no workload " + namespace + "/" + name);
        }
        return w;
    }

    /** Brings the cluster's objects in line with the workload's spec: owner object first, then new and gone pods. */
    private void sync(Workload w) {
        Map<String, ObjectNode> desired = new LinkedHashMap<>();
        switch (w.kind) {
            case DEPLOYMENT -> {
                cluster.apply(ResourceKind.REPLICA_SET, replicaSet(w, w.revision, w.replicas).toString());
                ObjectNode owner = owner("apps/v1", "ReplicaSet", w.namespace, rsName(w, w.revision));
                for (int i = 0; i < w.replicas; i++) {
                    String name = rsName(w, w.revision) + "-" + suffix(rsName(w, w.revision) + "/" + i) + i;
                    desired.put(name, pod(w, name, owner, i, null));
                }
            }
            case STATEFUL_SET -> {
                ObjectNode owner = owner("apps/v1", "StatefulSet", w.namespace, w.name);
                for (int i = 0; i < w.replicas; i++) {
                    desired.put(w.name + "-" + i, pod(w, w.name + "-" + i, owner, i, null));
                }
            }
            case DAEMON_SET -> {
                ObjectNode owner = owner("apps/v1", "DaemonSet", w.namespace, w.name);
                for (int i = 0; i < w.replicas; i++) {
                    String name = w.name + "-" + suffix(NODES.get(i));
                    desired.put(name, pod(w, name, owner, i, null));
                }
            }
            case CRON_JOB -> {
                cluster.apply(ResourceKind.JOB, job(w, w.revision, false).toString());
                desired.put(jobPod(w, w.revision), pod(w, jobPod(w, w.revision),
                        owner("batch/v1", "Job", w.namespace, jobName(w, w.revision)), w.revision, null));
            }
            case POD -> {
                for (int i = 0; i < w.replicas; i++) {
                    String name = w.replicas == 1 ? w.name : w.name + "-" + i;
                    desired.put(name, pod(w, name, null, i, null));
                }
            }
        }
        for (String gone : List.copyOf(w.live)) {
            if (!desired.containsKey(gone)) {
                cluster.delete(ResourceKind.POD, w.namespace, gone);
                w.live.remove(gone);
            }
        }
        desired.forEach((name, pod) -> {
            if (!w.live.contains(name)) {
                cluster.apply(ResourceKind.POD, pod.toString());
                w.live.add(name);
            }
        });
    }

    /**
     * A pod; {@code phase} null means Running when every image can be pulled, else Pending (image pull back-off,
     * no imageID for the missing one). Running containers carry {@code imageID = repo@digest} as containerd reports.
     */
    private ObjectNode pod(Workload w, String name, ObjectNode owner, int ordinal, String phase) {
        ObjectNode pod = object("Pod", w.namespace, name, owner);
        ObjectNode spec = pod.putObject("spec");
        spec.put("nodeName", NODES.get(Math.floorMod(ordinal, NODES.size())));
        spec.put("restartPolicy", w.kind == Kind.CRON_JOB ? "OnFailure" : "Always");
        boolean pullable = w.init.stream().allMatch(images::pullable) && w.images.stream().allMatch(images::pullable);
        ObjectNode status = pod.putObject("status");
        status.put("phase", phase != null ? phase : pullable ? "Running" : "Pending");
        containers(spec.putArray("initContainers"), status.putArray("initContainerStatuses"), "init", w.init);
        containers(spec.putArray("containers"), status.putArray("containerStatuses"), "app", w.images);
        return pod;
    }

    private void containers(ArrayNode specs, ArrayNode statuses, String prefix, List<String> refs) {
        for (int i = 0; i < refs.size(); i++) {
            String name = prefix + (i == 0 ? "" : "-" + i);
            specs.addObject().put("name", name).put("image", refs.get(i));
            ObjectNode status = statuses.addObject().put("name", name).put("image", refs.get(i));
            images.runningImageId(refs.get(i)).ifPresent(id -> status.put("imageID", id));
        }
    }

    private ObjectNode replicaSet(Workload w, int revision, int replicas) {
        ObjectNode rs = object("ReplicaSet", w.namespace, rsName(w, revision),
                owner("apps/v1", "Deployment", w.namespace, w.name));
        rs.putObject("spec").put("replicas", replicas);
        rs.putObject("status").put("replicas", replicas);
        return rs;
    }

    private ObjectNode job(Workload w, int run, boolean succeeded) {
        ObjectNode job = object("Job", w.namespace, jobName(w, run), owner("batch/v1", "CronJob", w.namespace, w.name));
        job.putObject("status").put(succeeded ? "succeeded" : "active", 1);
        return job;
    }

    private static String rsName(Workload w, int revision) {
        return w.name + "-" + suffix(w.name + "/" + revision) + suffix(w.namespace + revision);
    }

    private static String jobName(Workload w, int run) {
        return w.name + "-" + (29_000_000 + run);
    }

    private static String jobPod(Workload w, int run) {
        return jobName(w, run) + "-" + suffix(jobName(w, run));
    }

    private static ObjectNode namespace(String name) {
        ObjectNode ns = JSON.createObjectNode();
        ns.putObject("metadata").put("name", name).put("uid", uid("Namespace", "", name));
        ns.putObject("status").put("phase", "Active");
        return ns;
    }

    /** An owner reference (controller: true), as a JSON object. */
    private static ObjectNode owner(String apiVersion, String kind, String namespace, String name) {
        ObjectNode ref = JSON.createObjectNode();
        ref.put("apiVersion", apiVersion).put("kind", kind).put("name", name).put("uid", uid(kind, namespace, name))
                .put("controller", true);
        return ref;
    }

    private static ObjectNode object(String kind, String namespace, String name, ObjectNode owner) {
        ObjectNode object = JSON.createObjectNode();
        ObjectNode meta = object.putObject("metadata");
        meta.put("name", name).put("namespace", namespace).put("uid", uid(kind, namespace, name));
        if (owner != null) {
            meta.putArray("ownerReferences").add(owner);
        }
        return object;
    }

    private static String uid(String kind, String namespace, String name) {
        return UUID.nameUUIDFromBytes((kind + "/" + namespace + "/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Five characters of Kubernetes' generated-name alphabet, stable for a seed. */
    private static String suffix(String seed) {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        long h = seed.hashCode() * 0x9E3779B97F4A7C15L;
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            s.append(alphabet.charAt((int) Math.floorMod(h, (long) alphabet.length())));
            h = h / alphabet.length() + 0x5DEECE66DL * (i + 1);
        }
        return s.toString();
    }
}
