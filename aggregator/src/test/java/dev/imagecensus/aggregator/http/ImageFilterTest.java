package dev.imagecensus.aggregator.http;

import static dev.imagecensus.aggregator.Samples.classified;
import static dev.imagecensus.aggregator.Samples.image;
import static dev.imagecensus.aggregator.Samples.namespaces;
import static dev.imagecensus.aggregator.Samples.pod;
import static dev.imagecensus.aggregator.Samples.ref;
import static dev.imagecensus.aggregator.Samples.workload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.aggregator.domain.Fips;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API's filters over image and workload views. */
class ImageFilterTest {

    private final ImageView nginx = ImageView.of(ref("nginx:1.27"), image("nginx:1.27", namespaces("web", 2),
            classified("nginx:1.27", "debian", "12", Fips.NOT_DETECTED, "AVAILABLE")));
    private final ImageView ubi = ImageView.of(ref("registry.access.redhat.com/ubi9:9.4"),
            image("registry.access.redhat.com/ubi9:9.4", namespaces("pay", 1, "web", 1),
                    classified("registry.access.redhat.com/ubi9:9.4", "rhel", "9.4", Fips.CAPABLE, "ABSENT")));
    private final ImageView pending = ImageView.of(ref("redis:7"), image("redis:7", namespaces("cache", 1), null));
    private final List<ImageView> all = List.of(nginx, ubi, pending);

    private List<String> matching(Map<String, String> query) {
        return all.stream().filter(ImageFilter.of(query)).map(ImageView::familiar).toList();
    }

    @Test
    void shouldAcceptEverythingWhenNoFilterIsGiven() {
        assertThat(matching(Map.of())).hasSize(3);
    }

    @Test
    void shouldMatchImagesUsedInANamespaceWhenFilteredByNamespace() {
        assertThat(matching(Map.of("namespace", "web"))).containsExactly("nginx:1.27", "registry.access.redhat.com/ubi9:9.4");
        assertThat(matching(Map.of("namespace", "pay,cache"))).containsExactly("registry.access.redhat.com/ubi9:9.4", "redis:7");
    }

    @Test
    void shouldMatchDistroFipsAndAvailabilityWithoutRegardToCase() {
        assertThat(matching(Map.of("distro", "RHEL"))).containsExactly("registry.access.redhat.com/ubi9:9.4");
        assertThat(matching(Map.of("fips", "capable,enforced"))).containsExactly("registry.access.redhat.com/ubi9:9.4");
        assertThat(matching(Map.of("availability", "unclassified"))).containsExactly("redis:7");
        assertThat(matching(Map.of("distro", "unclassified", "fips", "UNCLASSIFIED"))).containsExactly("redis:7");
        assertThat(matching(Map.of("distro", "debian", "availability", "absent"))).isEmpty();
    }

    @Test
    void shouldCarryTheFipsCaveatAndFacetsWhenViewingAnImage() {
        assertThat(ubi.fipsEnabled()).isTrue();
        assertThat(ubi.fipsNote()).contains("FIPS-enabled host kernel");
        assertThat(pending.classified()).isFalse();
        assertThat(pending.fips()).isEqualTo("UNCLASSIFIED");
        assertThat(nginx.tag()).isEqualTo("1.27");
        assertThat(nginx.distroVersion()).isEqualTo("12");
    }

    @Test
    void shouldRoundTripAsQueryParametersWhenForwarded() {
        ImageFilter filter = ImageFilter.of(Map.of("namespace", "web", "fips", "CAPABLE"));

        assertThat(ImageFilter.of(filter.toQuery())).isEqualTo(filter);
        assertThat(ImageFilter.encode(filter.toQuery())).isEqualTo("namespace=web&fips=capable");
    }

    @Test
    void shouldFilterWorkloadsByNamespaceKindAndFips() {
        WorkloadView api = WorkloadView.of(workload(pod("pay", "api-1", "Deployment", "api",
                "registry.access.redhat.com/ubi9:9.4", Fips.CAPABLE, "AVAILABLE")));
        WorkloadView db = WorkloadView.of(workload(pod("pay", "db-0", "StatefulSet", "db", "postgres:16", Fips.NOT_DETECTED, "AVAILABLE")));

        assertThat(List.of(api, db).stream().filter(WorkloadFilter.of(Map.of("fips", "enabled"))))
                .extracting(WorkloadView::name).containsExactly("api");
        assertThat(List.of(api, db).stream().filter(WorkloadFilter.of(Map.of("kind", "statefulset", "namespace", "pay"))))
                .extracting(WorkloadView::name).containsExactly("db");
        assertThat(api.images()).singleElement().satisfies(i -> {
            assertThat(i.familiar()).isEqualTo("registry.access.redhat.com/ubi9:9.4");
            assertThat(i.fips()).isEqualTo("CAPABLE");
        });
    }
}
