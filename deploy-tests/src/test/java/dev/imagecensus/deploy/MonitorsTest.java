package dev.imagecensus.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Service;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Prometheus Operator monitors select exactly the pods and Services of the Kubernetes base, on port http. */
class MonitorsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void shouldSelectEveryPodOnItsHttpPortWhenThePodMonitorIsApplied() throws Exception {
        JsonNode monitor = read("pod-monitor.yaml");
        Map<String, String> selector = labels(monitor.path("spec").path("selector").path("matchLabels"));
        List<V1Deployment> deployments = Manifests.ofType(Manifests.decode(Kustomize.build(KubernetesManifestsTest.BASE)),
                V1Deployment.class);

        assertThat(monitor.path("spec").path("podMetricsEndpoints").get(0).path("honorLabels").asBoolean()).isTrue();
        for (V1Deployment d : deployments) {
            assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(selector);
            assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts())
                    .anyMatch(p -> p.getName().equals("http") && p.getContainerPort() == 8080);
        }
    }

    @Test
    void shouldScrapeEachComponentOnceWhenTheServiceMonitorIsApplied() throws Exception {
        JsonNode monitor = read("service-monitor.yaml");
        Map<String, String> selector = labels(monitor.path("spec").path("selector").path("matchLabels"));
        List<V1Service> services = Manifests.ofType(Manifests.decode(Kustomize.build(KubernetesManifestsTest.BASE)),
                V1Service.class);

        List<V1Service> selected = services.stream()
                .filter(s -> s.getMetadata().getLabels().entrySet().containsAll(selector.entrySet())).toList();

        assertThat(selected).extracting(s -> s.getMetadata().getName()).containsExactlyInAnyOrder(
                "image-census-watcher", "image-census-enricher", "image-census-aggregator");
        assertThat(selected).allSatisfy(s -> assertThat(s.getSpec().getPorts()).anyMatch(p -> p.getName().equals("http")));
        assertThat(monitor.path("spec").path("endpoints").get(0).path("honorLabels").asBoolean()).isTrue();
    }

    private static JsonNode read(String file) throws Exception {
        return YAML.readTree(DeployFiles.path("prometheus", file).toFile());
    }

    private static Map<String, String> labels(JsonNode node) {
        return YAML.convertValue(node, YAML.getTypeFactory().constructMapType(Map.class, String.class, String.class));
    }
}
