package dev.imagecensus.watcher.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imagecensus.watcher.model.ContainerKind;
import dev.imagecensus.watcher.model.ContainerSpec;
import dev.imagecensus.watcher.model.OwnerRef;
import dev.imagecensus.watcher.model.PodView;
import dev.imagecensus.watcher.model.ResourceType;
import dev.imagecensus.watcher.model.WorkloadView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lenient decoding of API objects into projections: reads only the fields it needs, ignores every other field and
 * tolerates missing ones (a missing string is null, a missing list is empty). Never throws on content; an object
 * without {@code metadata.uid}/{@code name} cannot be keyed and is rejected with {@link MalformedObjectException}.
 */
public final class Projections {

    private Projections() {
    }

    public static PodView pod(JsonNode pod) {
        JsonNode meta = pod.path("metadata");
        JsonNode spec = pod.path("spec");
        JsonNode status = pod.path("status");
        Map<String, String> imageIds = new HashMap<>();
        collectImageIds(status.path("containerStatuses"), imageIds);
        collectImageIds(status.path("initContainerStatuses"), imageIds);
        collectImageIds(status.path("ephemeralContainerStatuses"), imageIds);
        List<ContainerSpec> containers = new ArrayList<>();
        for (JsonNode c : spec.path("initContainers")) {
            ContainerKind kind = "Always".equals(text(c, "restartPolicy")) ? ContainerKind.SIDECAR : ContainerKind.INIT;
            addContainer(containers, c, kind, imageIds);
        }
        for (JsonNode c : spec.path("containers")) {
            addContainer(containers, c, ContainerKind.APP, imageIds);
        }
        for (JsonNode c : spec.path("ephemeralContainers")) {
            addContainer(containers, c, ContainerKind.EPHEMERAL, imageIds);
        }
        return new PodView(required(meta, "uid"), shared(required(meta, "namespace")), required(meta, "name"),
                text(meta, "resourceVersion"), shared(text(status, "phase")), shared(text(spec, "nodeName")),
                controller(meta), containers);
    }

    public static WorkloadView workload(ResourceType type, JsonNode object) {
        JsonNode meta = object.path("metadata");
        return new WorkloadView(type, shared(required(meta, "namespace")), required(meta, "name"),
                text(meta, "resourceVersion"), controller(meta));
    }

    /** {@code metadata.resourceVersion} of any object, e.g. a BOOKMARK's; null when absent. */
    public static String resourceVersion(JsonNode object) {
        return text(object.path("metadata"), "resourceVersion");
    }

    /** The owner with {@code controller: true}, else the first owner reference; null when there is none. */
    private static OwnerRef controller(JsonNode meta) {
        OwnerRef first = null;
        for (JsonNode ref : meta.path("ownerReferences")) {
            String kind = text(ref, "kind");
            String name = text(ref, "name");
            if (kind == null || name == null) {
                continue;
            }
            if (ref.path("controller").asBoolean(false)) {
                return new OwnerRef(shared(kind), name);
            }
            if (first == null) {
                first = new OwnerRef(shared(kind), name);
            }
        }
        return first;
    }

    private static void addContainer(List<ContainerSpec> out, JsonNode c, ContainerKind kind, Map<String, String> ids) {
        String name = text(c, "name");
        if (name == null) {
            return; // the API rejects nameless containers; nothing to key such an entry by
        }
        String image = text(c, "image");
        out.add(new ContainerSpec(shared(name), image == null ? "" : shared(image), kind, shared(ids.get(name))));
    }

    private static void collectImageIds(JsonNode statuses, Map<String, String> into) {
        for (JsonNode s : statuses) {
            String name = text(s, "name");
            String imageId = text(s, "imageID");
            if (name != null && imageId != null) {
                into.put(name, imageId);
            }
        }
    }

    /**
     * One instance per distinct value of fields repeated across many pods (namespace, phase, node, image, container
     * name): at 150k pods the duplicates would otherwise dominate the heap.
     */
    private static String shared(String value) {
        return value == null ? null : value.intern();
    }

    /** A non-blank string field, else null (the API sends {@code ""} for "not yet"). */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.textValue().isBlank()) {
            return null;
        }
        return value.textValue();
    }

    private static String required(JsonNode meta, String field) {
        String value = text(meta, field);
        if (value == null) {
            throw new MalformedObjectException("object without metadata." + field);
        }
        return value;
    }

    /** An object that cannot be identified (no uid, namespace or name). */
    public static final class MalformedObjectException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedObjectException(String message) {
            super(message);
        }
    }
}
