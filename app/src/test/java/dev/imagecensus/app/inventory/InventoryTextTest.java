package dev.imagecensus.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagecensus.watcher.inventory.NamespaceFilter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryTextTest {

    private static final ImageFacts ALPINE = new ImageFacts("alpine", "3.20.3", "CLAIMED", "AVAILABLE", null, null);

    @Test
    void shouldPrintTheSeedsLinePerPodContainerWhenPodsAreKnown() {
        Inventory inventory = InventoryBuilder.build("kubeconfig k", true, List.of(
                        new ContainerEntry("apps", "web-1", "Deployment", "web", "app", "alpine:3.20", 1),
                        new ContainerEntry("apps", "web-1", "Deployment", "web", "init", "Bad Ref", 1)),
                Map.of("docker.io/library/alpine:3.20", ALPINE)::get, NamespaceFilter.all(), TagPolicy.KAI_DEFAULT);

        String text = InventoryText.render(inventory);

        assertThat(text).startsWith("""
                Namespace: apps, Pod: web-1, Image: alpine:3.20, Base OS: alpine 3.20.3
                Namespace: apps, Pod: web-1, Image: Bad Ref, Base OS: unknown
                
                IMAGE         BASE OS         FIPS      EXISTENCE          CONTAINERS   NAMESPACES   NOTE
                """);
        assertThat(text.lines()).anyMatch(l -> l.startsWith("Bad Ref       unknown         UNKNOWN   BAD_IMAGE_FORMAT   1            apps         "));
        assertThat(text).endsWith("2 containers, 2 images, from kubeconfig k\n");
    }

    @Test
    void shouldPrintAWorkloadTableWhenOnlyWorkloadsAreKnown() {
        Inventory inventory = InventoryBuilder.build("http://agg:8080", true, List.of(
                        new ContainerEntry("apps", null, "Deployment", "web", "app", "docker.io/library/alpine:3.20", 3)),
                Map.of("docker.io/library/alpine:3.20", ALPINE)::get, NamespaceFilter.all(), TagPolicy.KAI_DEFAULT);

        assertThat(InventoryText.render(inventory)).startsWith("""
                NAMESPACE   WORKLOAD         CONTAINER   IMAGE         BASE OS         FIPS      EXISTENCE   PODS
                apps        Deployment/web   app         alpine:3.20   alpine 3.20.3   CLAIMED   AVAILABLE   3
                """).doesNotContain("Namespace: ");
    }

    @Test
    void shouldSayHowToClassifyWhenImagesWereNotInspected() {
        Inventory inventory = new Inventory("kubeconfig k", false, List.of(), List.of());

        assertThat(InventoryText.render(inventory)).contains("add --classify");
    }

    @Test
    void shouldPadColumnsAndPrintDashesWhenCellsAreMissing() {
        String table = new TextTable("A", "LONGER").row("wide cell", null).row("x", "y").render();

        assertThat(table).isEqualTo("A           LONGER\nwide cell   -\nx           y\n");
    }

    @Test
    void shouldWriteRecordsJqCanSelectWhenRenderedAsJson() throws Exception {
        Inventory inventory = InventoryBuilder.build("kubeconfig k", true, List.of(
                        new ContainerEntry("apps", "web-1", "Deployment", "web", "app", "alpine:3.20", 1)),
                Map.of("docker.io/library/alpine:3.20", ALPINE)::get, NamespaceFilter.all(), TagPolicy.KAI_DEFAULT);

        JsonNode json = new ObjectMapper().readTree(InventoryJson.render(inventory));

        JsonNode container = json.path("containers").get(0);
        assertThat(container.path("pod").asText()).isEqualTo("web-1");
        assertThat(container.path("workloadKind").asText()).isEqualTo("Deployment");
        assertThat(container.path("reference").asText()).isEqualTo("docker.io/library/alpine:3.20");
        assertThat(container.path("baseOs").asText()).isEqualTo("alpine 3.20.3");
        assertThat(container.has("note")).isFalse();
        assertThat(json.path("images").get(0).path("namespaces").get(0).asText()).isEqualTo("apps");
        assertThat(json.path("classified").asBoolean()).isTrue();
    }
}
