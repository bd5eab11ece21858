package dev.imagecensus.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.imagecensus.embedded.junit.DockerRegistryExtension;
import dev.imagecensus.embedded.oci.DockerRegistryProcess;
import dev.imagecensus.embedded.oci.Expected;
import dev.imagecensus.embedded.oci.SyntheticImage;
import dev.imagecensus.embedded.oci.SyntheticImages;
import dev.imagecensus.fakeapi.FakeApiServer;
import dev.imagecensus.fakeapi.Kubeconfig;
import dev.imagecensus.fakeapi.ResourceKind;
import dev.imagecensus.schemas.avro.DistroStatus;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code image-census inventory --kubeconfig ... --classify}: a simulated cluster listed once through the official
 * client, every unique image inspected in a real docker-registry holding the synthetic images.
 */
@ExtendWith(DockerRegistryExtension.class)
class InventoryOneShotIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KINDS = List.of("alpine", "debian", "ubi-fips", "openssl-fips", "distroless",
            "scratch", "go-fips", "multiarch", "deleted");

    @Test
    void shouldPrintEveryPodContainerWithItsClassificationWhenListingAClusterOnce(DockerRegistryProcess registry,
                                                                                  @TempDir Path dir) throws Exception {
        // Given a cluster: a Deployment's two pods, one pod per synthetic image kind, an invalid reference,
        // a finished pod and a namespace to exclude
        String host = registry.host();
        Map<String, SyntheticImage> byPod = new HashMap<>();
        try (FakeApiServer api = FakeApiServer.builder().start()) {
            api.cluster().create(ResourceKind.REPLICA_SET, replicaSet("apps", "web-5d8", "web"));
            for (String pod : List.of("web-5d8-a", "web-5d8-b")) {
                ObjectNode web = pod("apps", pod, "Running", "ReplicaSet", "web-5d8", "app",
                        SyntheticImages.named("alpine").reference(host));
                ((ObjectNode) web.get("status")).putArray("containerStatuses").addObject().put("name", "app")
                        .put("imageID", SyntheticImages.named("alpine").digestReference(host));
                api.cluster().create(ResourceKind.POD, web);
                byPod.put(pod, SyntheticImages.named("alpine"));
            }
            for (String kind : KINDS) {
                SyntheticImage image = SyntheticImages.named(kind);
                api.cluster().create(ResourceKind.POD, pod("apps", "pod-" + kind, "Running", null, null, "main",
                        image.reference(host)));
                byPod.put("pod-" + kind, image);
            }
            api.cluster().create(ResourceKind.POD, pod("apps", "broken", "Pending", null, null, "main", "Not A Reference!"));
            api.cluster().create(ResourceKind.POD, pod("apps", "finished", "Succeeded", null, null, "main",
                    SyntheticImages.named("ubuntu").reference(host)));
            api.cluster().create(ResourceKind.POD, pod("kube-system", "dns", "Running", null, null, "main",
                    SyntheticImages.named("ubuntu").reference(host)));
            Path kubeconfig = Kubeconfig.write(api, dir.resolve("kubeconfig"));
            String[] oneShot = {"inventory", "--kubeconfig", kubeconfig.toString(), "--context", Kubeconfig.CONTEXT,
                    "--classify", "--insecure-registries", host, "--namespace-exclude", "kube-.*", "--page-size", "3"};

            // When printed as a table
            String table = InProcessCommand.output(oneShot);

            // Then one seed line per pod container, each with the base OS the synthetic image is known to have
            for (Map.Entry<String, SyntheticImage> pod : byPod.entrySet()) {
                assertThat(table).contains("Namespace: apps, Pod: " + pod.getKey() + ", Image: "
                        + pod.getValue().reference(host) + ", Base OS: " + baseOs(pod.getValue().expected()) + "\n");
            }
            assertThat(table).contains("Namespace: apps, Pod: broken, Image: Not A Reference!, Base OS: unknown\n");
            assertThat(table.lines().filter(l -> l.startsWith("Not A Reference!")))
                    .singleElement().asString().contains("BAD_IMAGE_FORMAT", "invalid");
            assertThat(table).doesNotContain("kube-system", "Pod: dns", "Pod: finished")
                    .contains((byPod.size() + 1) + " containers, " + (KINDS.size() + 1) + " images");

            // When printed as JSON, Then every container carries its image's classification and its workload
            JsonNode json = JSON.readTree(InProcessCommand.output(withJson(oneShot)));
            assertThat(json.path("containers")).hasSize(byPod.size() + 1);
            for (JsonNode row : json.path("containers")) {
                String pod = row.path("pod").asText();
                if (pod.equals("broken")) {
                    assertThat(row.path("existence").asText()).isEqualTo("BAD_IMAGE_FORMAT");
                    assertThat(row.path("note").asText()).contains("Not A Reference!");
                    continue;
                }
                Expected expected = byPod.get(pod).expected();
                assertThat(row.path("fips").asText()).as(pod).isEqualTo(expected.fips().name());
                assertThat(row.path("existence").asText()).as(pod).isEqualTo(expected.existence().name());
                assertThat(row.path("baseOs").asText()).as(pod).isEqualTo(baseOs(expected));
                assertThat(row.path("workloadKind").asText() + "/" + row.path("workloadName").asText()).as(pod)
                        .isEqualTo(pod.startsWith("web-") ? "Deployment/web" : "Pod/" + pod);
                assertThat(row.path("runningDigest").asText(null)).as(pod)
                        .isEqualTo(pod.startsWith("web-") ? SyntheticImages.named("alpine").digest() : null);
            }
            assertThat(json.path("images")).hasSize(KINDS.size() + 1);
        }
    }

    private static String baseOs(Expected expected) {
        if (expected.distroStatus() == DistroStatus.DETECTED) {
            return expected.distroId() + (expected.distroVersion() == null ? "" : " " + expected.distroVersion());
        }
        return expected.distroStatus() == DistroStatus.SCRATCH ? "scratch" : "unknown";
    }

    private static String[] withJson(String[] args) {
        String[] json = java.util.Arrays.copyOf(args, args.length + 2);
        json[args.length] = "-o";
        json[args.length + 1] = "json";
        return json;
    }

    private static String replicaSet(String namespace, String name, String deployment) {
        ObjectNode rs = JSON.createObjectNode().put("apiVersion", "apps/v1").put("kind", "ReplicaSet");
        rs.putObject("metadata").put("name", name).put("namespace", namespace).put("uid", "uid-" + name)
                .putArray("ownerReferences").addObject().put("apiVersion", "apps/v1").put("kind", "Deployment")
                .put("name", deployment).put("uid", "uid-" + deployment).put("controller", true);
        return rs.toString();
    }

    private static ObjectNode pod(String namespace, String name, String phase, String ownerKind, String owner,
                              String container, String image) {
        ObjectNode pod = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Pod");
        ObjectNode meta = pod.putObject("metadata").put("name", name).put("namespace", namespace).put("uid", "uid-" + name);
        if (owner != null) {
            meta.putArray("ownerReferences").addObject().put("apiVersion", "apps/v1").put("kind", ownerKind)
                    .put("name", owner).put("uid", "uid-" + owner).put("controller", true);
        }
        pod.putObject("spec").put("nodeName", "node-1").putArray("containers").addObject()
                .put("name", container).put("image", image);
        pod.putObject("status").put("phase", phase);
        return pod;
    }
}
