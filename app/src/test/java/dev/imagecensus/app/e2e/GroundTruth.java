package dev.imagecensus.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imagecensus.app.e2e.ImageCatalogue.Entry;
import dev.imagecensus.embedded.oci.Expected;
import dev.imagecensus.fakeapi.FakeCluster;
import dev.imagecensus.fakeapi.ResourceKind;
import dev.imagecensus.schemas.avro.DistroStatus;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.FipsStatus;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a correct pipeline shows for a cluster, computed only from the cluster's objects (pods, their ReplicaSet and
 * Job owners) and the catalogue's answer key ({@link Expected}), with none of the pipeline's code: which pods
 * count (every pod not Succeeded or Failed), their containers (init and app), owners (pod → ReplicaSet →
 * Deployment, pod → Job → CronJob), then every compared metric series and {@code /api/inventory} row. FIPS: a pod is
 * enabled when any of its images is ENFORCED or CAPABLE, unknown when none is but one is UNKNOWN or never
 * classified (an invalid reference); a workload is ENABLED when all its pods are, PARTIAL when some are.
 */
final class GroundTruth {

    private static final Map<String, String> EXISTENCE_FAMILIES = Map.of(
            "Deployment", "k8s_image_existence_exporter_deployment_image_exists",
            "StatefulSet", "k8s_image_existence_exporter_statefulset_image_exists",
            "DaemonSet", "k8s_image_existence_exporter_daemonset_image_exists",
            "CronJob", "k8s_image_existence_exporter_cronjob_image_exists");

    /** The view, the valid images in use and the number of pods that count. */
    record Truth(PipelineView view, SortedSet<String> imagesInUse, int pods) {
    }

    private final ImageCatalogue catalogue;

    GroundTruth(ImageCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    Truth of(FakeCluster cluster) {
        SortedMap<String, Double> series = new TreeMap<>();
        Map<String, Integer> containers = new TreeMap<>();
        Map<String, Set<String>> namespaces = new HashMap<>();
        Map<String, Set<String>> digests = new HashMap<>();
        Map<String, int[]> workloads = new HashMap<>();
        int invalid = 0;
        int pods = 0;
        for (JsonNode pod : cluster.list(ResourceKind.POD)) {
            String phase = pod.path("status").path("phase").asText();
            if (phase.equals("Succeeded") || phase.equals("Failed")) {
                continue;
            }
            pods++;
            String namespace = pod.path("metadata").path("namespace").asText();
            String[] owner = topLevelOwner(cluster, pod);
            boolean fipsEnabled = false;
            boolean fipsUnknown = false;
            for (Map.Entry<String, String> container : containersOf(pod).entrySet()) {
                String ref = container.getValue();
                Entry entry = catalogue.entry(ref).orElse(null);
                if (entry == null) {
                    invalid++;
                    fipsUnknown = true; // never classified
                    add(series, PipelineView.key("container_image_count", Map.of("image", ref)), 1);
                    continue;
                }
                containers.merge(ref, 1, Integer::sum);
                namespaces.computeIfAbsent(ref, r -> new TreeSet<>()).add(namespace);
                catalogue.runningImageId(ref).ifPresent(id ->
                        digests.computeIfAbsent(ref, r -> new TreeSet<>()).add(id.substring(id.indexOf('@') + 1)));
                Expected expected = entry.expected();
                fipsEnabled |= expected.fips() == FipsStatus.ENFORCED || expected.fips() == FipsStatus.CAPABLE;
                fipsUnknown |= expected.fips() == FipsStatus.UNKNOWN;
                String family = EXISTENCE_FAMILIES.get(owner[0]);
                if (family != null) {
                    series.put(PipelineView.key(family, Map.of("namespace", namespace, "owner_name", owner[1],
                                    "container", container.getKey(), "image", ref)),
                            expected.existence() == Existence.AVAILABLE ? 1.0 : 0.0);
                }
            }
            series.put(PipelineView.key("workload_fips_enabled", Map.of("namespace", namespace,
                    "pod", pod.path("metadata").path("name").asText())), fipsEnabled ? 1.0 : 0.0);
            // per workload: pods, FIPS-enabled pods, pods whose answer is still unknown
            int[] workload = workloads.computeIfAbsent(namespace + "/" + owner[0] + "/" + owner[1], w -> new int[3]);
            workload[0]++;
            if (fipsEnabled) {
                workload[1]++;
            } else if (fipsUnknown) {
                workload[2]++;
            }
        }
        workloads.values().forEach(w -> add(series, PipelineView.key("imagecensus_fips_workloads",
                Map.of("fips", w[1] == w[0] ? "ENABLED" : w[1] > 0 ? "PARTIAL" : w[2] > 0 ? "UNKNOWN" : "DISABLED")), 1));
        if (invalid > 0) {
            series.put("imagecensus_invalid_reference_containers", (double) invalid);
        }
        SortedSet<String> inventory = new TreeSet<>();
        containers.forEach((ref, count) -> {
            Entry entry = catalogue.entry(ref).orElseThrow();
            Expected e = entry.expected();
            String distro = distro(e);
            String version = e.distroStatus() == DistroStatus.DETECTED ? e.distroVersion() : "";
            String digest = entry.digest() == null ? "" : entry.digest();
            add(series, PipelineView.key("container_image_count", Map.of("image", ref)), count);
            add(series, PipelineView.key("imagecensus_image_containers", Map.of("image", ref)), count);
            add(series, PipelineView.key("imagecensus_distro_containers", Map.of("distro", distro,
                    "distro_version", version)), count);
            add(series, PipelineView.key("imagecensus_fips_containers", Map.of("fips", e.fips().name())), count);
            add(series, PipelineView.key("imagecensus_availability_images",
                    Map.of("availability", e.existence().name())), 1);
            boolean available = e.existence() == Existence.AVAILABLE;
            Map<String, String> info = new LinkedHashMap<>();
            info.put("image", ref);
            info.put("digest", digest);
            info.put("os", available ? "linux" : "");
            info.put("arch", available ? "amd64" : "");
            info.put("distro", distro);
            info.put("distro_version", version);
            info.put("fips", e.fips().name());
            series.put(PipelineView.key("imagecensus_image_info", info), 1.0);
            // KAI shape: repo:tag per namespace, with each digest the runtime reported (else the registry's)
            Set<String> running = digests.getOrDefault(ref, Set.of(digest));
            for (String namespace : namespaces.get(ref)) {
                running.forEach(d -> inventory.add(namespace + " " + ref + " " + d));
            }
        });
        return new Truth(new PipelineView(series, inventory), new TreeSet<>(containers.keySet()), pods);
    }

    private static String distro(Expected e) {
        return switch (e.distroStatus()) {
            case DETECTED -> e.distroId();
            case SCRATCH -> "scratch";
            default -> "unknown";
        };
    }

    private static void add(Map<String, Double> series, String key, double value) {
        series.merge(key, value, Double::sum);
    }

    /** Container name → image, init containers first. */
    private static Map<String, String> containersOf(JsonNode pod) {
        Map<String, String> containers = new LinkedHashMap<>();
        for (String field : new String[] {"initContainers", "containers"}) {
            pod.path("spec").path(field).forEach(c -> containers.put(c.path("name").asText(), c.path("image").asText()));
        }
        return containers;
    }

    /** {kind, name} of the pod's top-level controller: itself when bare. */
    private static String[] topLevelOwner(FakeCluster cluster, JsonNode pod) {
        JsonNode meta = pod.path("metadata");
        JsonNode ref = controller(meta);
        if (ref == null) {
            return new String[] {"Pod", meta.path("name").asText()};
        }
        String kind = ref.path("kind").asText();
        String name = ref.path("name").asText();
        ResourceKind intermediate = kind.equals("ReplicaSet") ? ResourceKind.REPLICA_SET
                : kind.equals("Job") ? ResourceKind.JOB : null;
        if (intermediate != null) {
            JsonNode parent = cluster.get(intermediate, meta.path("namespace").asText(), name)
                    .map(o -> controller(o.path("metadata"))).orElse(null);
            if (parent != null) {
                return new String[] {parent.path("kind").asText(), parent.path("name").asText()};
            }
        }
        return new String[] {kind, name};
    }

    private static JsonNode controller(JsonNode meta) {
        for (JsonNode ref : meta.path("ownerReferences")) {
            if (ref.path("controller").asBoolean()) {
                return ref;
            }
        }
        return null;
    }
}
