package dev.imagecensus.watcher.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds pod, ReplicaSet and Job JSON for the fake API server; uids are {@code uid-<name>} so event keys are known. */
final class PodJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode pod = JSON.createObjectNode();
    private final ObjectNode meta = pod.putObject("metadata");
    private final ObjectNode spec = pod.putObject("spec");
    private final ObjectNode status = pod.putObject("status");

    private PodJson(String namespace, String name) {
        pod.put("apiVersion", "v1").put("kind", "Pod");
        meta.put("name", name).put("namespace", namespace).put("uid", uid(name));
        spec.put("nodeName", "node-1");
        status.put("phase", "Running");
    }

    static PodJson pod(String name) {
        return new PodJson("default", name);
    }

    static PodJson pod(String namespace, String name) {
        return new PodJson(namespace, name);
    }

    static String uid(String podName) {
        return "uid-" + podName;
    }

    PodJson owner(String kind, String name) {
        meta.putArray("ownerReferences").addObject().put("apiVersion", "v1").put("kind", kind).put("name", name)
                .put("uid", "owner-" + name).put("controller", true);
        return this;
    }

    PodJson phase(String phase) {
        status.put("phase", phase);
        return this;
    }

    PodJson container(String name, String image) {
        array(spec, "containers").addObject().put("name", name).put("image", image);
        return this;
    }

    PodJson init(String name, String image) {
        array(spec, "initContainers").addObject().put("name", name).put("image", image);
        return this;
    }

    PodJson sidecar(String name, String image) {
        array(spec, "initContainers").addObject().put("name", name).put("image", image).put("restartPolicy", "Always");
        return this;
    }

    PodJson ephemeral(String name, String image) {
        array(spec, "ephemeralContainers").addObject().put("name", name).put("image", image).put("targetContainerName", "app");
        return this;
    }

    /** A running status with the runtime's imageID for container {@code name}. */
    PodJson imageId(String statusField, String name, String imageId) {
        array(status, statusField).addObject().put("name", name).put("imageID", imageId).put("ready", true);
        return this;
    }

    /** Fields no client model knows, at every level, as a cluster newer than the client would send. */
    PodJson unknownFields() {
        pod.putObject("futureTopLevel").put("x", 1);
        meta.putArray("newMetadataList").add(1).add("two");
        spec.putObject("schedulingGates2").putObject("deep").put("deeper", true);
        status.putArray("resourceClaimStatuses2").addObject().put("name", "gpu");
        array(spec, "containers").forEach(c -> ((ObjectNode) c).putObject("resizePolicyV9").put("cpu", "NotRequired"));
        return this;
    }

    String json() {
        return pod.toString();
    }

    static String replicaSet(String name, String deployment) {
        return workload("apps/v1", "ReplicaSet", name, "Deployment", deployment);
    }

    static String job(String name, String cronJob) {
        return workload("batch/v1", "Job", name, "CronJob", cronJob);
    }

    private static String workload(String apiVersion, String kind, String name, String ownerKind, String owner) {
        ObjectNode object = JSON.createObjectNode().put("apiVersion", apiVersion).put("kind", kind);
        ObjectNode meta = object.putObject("metadata").put("name", name).put("namespace", "default");
        if (owner != null) {
            meta.putArray("ownerReferences").addObject().put("kind", ownerKind).put("name", owner).put("controller", true);
        }
        object.putObject("spec").put("futureSpecField", true);
        return object.toString();
    }

    private static ArrayNode array(ObjectNode parent, String field) {
        return parent.has(field) ? (ArrayNode) parent.get(field) : parent.putArray(field);
    }
}
