package dev.imagecensus.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.aggregator.MissingTagPolicy;
import dev.imagecensus.watcher.inventory.NamespaceFilter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryBuilderTest {

    private static final String DIGEST = "sha256:" + "ab".repeat(32);
    private static final ImageFacts DEBIAN = new ImageFacts("debian", "12", "NOT_DETECTED", "AVAILABLE", DIGEST, null);

    @Test
    void shouldNameImagesTheKaiWayAndClassifyThemWhenFactsAreKnown() {
        // Given
        List<ContainerEntry> entries = List.of(
                pod("apps", "web-1", "Deployment", "web", "nginx", "nginx:1.27"),
                pod("apps", "web-2", "Deployment", "web", "nginx", "docker.io/library/nginx:1.27"),
                pod("apps", "api-0", "StatefulSet", "api", "app", "ghcr.io/org/api:2"));

        // When
        Inventory inventory = InventoryBuilder.build("test", true, entries,
                Map.of("docker.io/library/nginx:1.27", DEBIAN)::get, NamespaceFilter.all(), TagPolicy.KAI_DEFAULT);

        // Then
        assertThat(inventory.containers()).extracting(ContainerRow::pod, ContainerRow::image, ContainerRow::baseOs)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("api-0", "ghcr.io/org/api:2", "unknown"),
                        org.assertj.core.groups.Tuple.tuple("web-1", "nginx:1.27", "debian 12"),
                        org.assertj.core.groups.Tuple.tuple("web-2", "nginx:1.27", "debian 12"))
                .doesNotContainNull();
        assertThat(inventory.images()).extracting(ImageRow::image, ImageRow::containers, ImageRow::fips)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ghcr.io/org/api:2", 1, ImageFacts.UNCLASSIFIED),
                        org.assertj.core.groups.Tuple.tuple("nginx:1.27", 2, "NOT_DETECTED"));
    }

    @Test
    void shouldKeepAnInvalidReferenceWithItsReasonWhenItCannotBeParsed() {
        List<ContainerEntry> entries = List.of(pod("apps", "bad", "Pod", "bad", "main", "Not A Reference!"));

        Inventory inventory = InventoryBuilder.build("test", false, entries, r -> null, NamespaceFilter.all(),
                TagPolicy.KAI_DEFAULT);

        assertThat(inventory.containers()).singleElement().satisfies(row -> {
            assertThat(row.image()).isEqualTo("Not A Reference!");
            assertThat(row.existence()).isEqualTo("BAD_IMAGE_FORMAT");
            assertThat(row.note()).contains("Not A Reference!");
        });
        assertThat(inventory.images()).singleElement().satisfies(image -> assertThat(image.note()).isNotBlank());
    }

    @Test
    void shouldFollowTheMissingTagPolicyWhenAnImageIsReferencedByDigestOnly() {
        List<ContainerEntry> entries = List.of(pod("apps", "p", "Pod", "p", "main", "alpine@" + DIGEST));

        assertThat(names(entries, MissingTagPolicy.DIGEST)).containsExactly("alpine:" + "ab".repeat(32));
        assertThat(names(entries, MissingTagPolicy.INSERT)).containsExactly("alpine:NONE");
        assertThat(names(entries, MissingTagPolicy.DROP)).isEmpty();
    }

    @Test
    void shouldLeaveOutExcludedNamespacesAndSumPodsWhenEntriesAreWorkloads() {
        List<ContainerEntry> entries = List.of(
                new ContainerEntry("kube-system", null, "DaemonSet", "proxy", "proxy", "registry.k8s.io/kube-proxy:1.30", 3),
                new ContainerEntry("apps", null, "Deployment", "web", "nginx", "docker.io/library/nginx:1.27", 3),
                new ContainerEntry("shop", null, "Deployment", "cart", "nginx", "docker.io/library/nginx:1.27", 2));

        Inventory inventory = InventoryBuilder.build("test", true, entries, r -> null,
                NamespaceFilter.of(List.of(), List.of("kube-.*")), TagPolicy.KAI_DEFAULT);

        assertThat(inventory.containers()).extracting(ContainerRow::workload)
                .containsExactly("Deployment/web", "Deployment/cart");
        assertThat(inventory.images()).singleElement().satisfies(image -> {
            assertThat(image.containers()).isEqualTo(5);
            assertThat(image.namespaces()).containsExactly("apps", "shop");
        });
    }

    private static List<String> names(List<ContainerEntry> entries, MissingTagPolicy policy) {
        return InventoryBuilder.build("test", false, entries, r -> null, NamespaceFilter.all(),
                new TagPolicy(policy, "NONE")).containers().stream().map(ContainerRow::image).toList();
    }

    private static ContainerEntry pod(String namespace, String pod, String kind, String workload, String container,
                                      String image) {
        return new ContainerEntry(namespace, pod, kind, workload, container, image, 1);
    }
}
