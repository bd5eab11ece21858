package dev.imagecensus.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Kubernetes objects of the demo cluster as JSON, with uids derived from their names so restarts match. */
final class DemoObjects {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The owner of an object: kind, name and the API group/version it lives in. */
    record Owner(String apiVersion, String kind, String namespace, String name) {
        String uid() {
            return DemoObjects.uid(kind, namespace, name);
        }
    }

    private DemoObjects() {
    }

    static String uid(String kind, String namespace, String name) {
        return UUID.nameUUIDFromBytes((kind + "/" + namespace + "/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static ObjectNode namespace(String name) {
        ObjectNode ns = JSON.createObjectNode();
        ObjectNode meta = ns.putObject("metadata");
        meta.put("name", name);
        meta.put("uid", uid("Namespace", "", name));
        ns.putObject("status").put("phase", "Active");
        return ns;
    }

    /** A ReplicaSet owned by a Deployment. */
    static ObjectNode replicaSet(Owner deployment, String name, int replicas) {
        ObjectNode rs = owned(new Owner("apps/v1", "ReplicaSet", deployment.namespace(), name), deployment);
        rs.putObject("spec").put("replicas", replicas);
        rs.putObject("status").put("replicas", replicas);
        return rs;
    }

    /** A Job owned by a CronJob; {@code succeeded} once its pod completed. */
    static ObjectNode job(Owner cronJob, String name, boolean succeeded) {
        ObjectNode job = owned(new Owner("batch/v1", "Job", cronJob.namespace(), name), cronJob);
        ObjectNode status = job.putObject("status");
        status.put(succeeded ? "succeeded" : "active", 1);
        return job;
    }

    /** A pod (owner may be null for a bare pod) with init and app containers, in the given phase. */
    static ObjectNode pod(String namespace, String name, Owner owner, String node, List<String> initImages,
                          List<String> images, String phase) {
        ObjectNode pod = owner == null ? named(namespace, name, "Pod")
                : owned(new Owner("v1", "Pod", namespace, name), owner);
        ObjectNode spec = pod.putObject("spec");
        spec.put("nodeName", node);
        spec.put("restartPolicy", owner != null && "Job".equals(owner.kind()) ? "OnFailure" : "Always");
        ObjectNode status = pod.putObject("status");
        status.put("phase", phase);
        containers(spec.putArray("initContainers"), status.putArray("initContainerStatuses"), "init", initImages);
        containers(spec.putArray("containers"), status.putArray("containerStatuses"), "app", images);
        return pod;
    }

    private static void containers(ArrayNode specs, ArrayNode statuses, String prefix, List<String> images) {
        for (int i = 0; i < images.size(); i++) {
            String name = prefix + (i == 0 ? "" : "-" + i);
            specs.addObject().put("name", name).put("image", images.get(i));
            statuses.addObject().put("name", name).put("image", images.get(i));
        }
    }

    private static ObjectNode owned(Owner self, Owner owner) {
        ObjectNode object = named(self.namespace(), self.name(), self.kind());
        ObjectNode ref = ((ObjectNode) object.get("metadata")).putArray("ownerReferences").addObject();
        ref.put("apiVersion", owner.apiVersion()).put("kind", owner.kind()).put("name", owner.name())
                .put("uid", owner.uid()).put("controller", true);
        return object;
    }

    private static ObjectNode named(String namespace, String name, String kind) {
        ObjectNode object = JSON.createObjectNode();
        ObjectNode meta = object.putObject("metadata");
        meta.put("name", name);
        meta.put("namespace", namespace);
        meta.put("uid", uid(kind, namespace, name));
        meta.putObject("labels").put("app.kubernetes.io/part-of", "image-census-demo");
        return object;
    }
}
