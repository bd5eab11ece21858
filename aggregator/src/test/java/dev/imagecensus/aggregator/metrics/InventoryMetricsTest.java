package dev.imagecensus.aggregator.metrics;

import static dev.imagecensus.aggregator.Samples.classified;
import static dev.imagecensus.aggregator.Samples.image;
import static dev.imagecensus.aggregator.Samples.pod;
import static dev.imagecensus.aggregator.Samples.ref;
import static dev.imagecensus.aggregator.Samples.workload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.aggregator.Samples;
import dev.imagecensus.aggregator.domain.Fips;
import dev.imagecensus.aggregator.domain.ImageState;
import dev.imagecensus.aggregator.domain.PodState;
import dev.imagecensus.aggregator.domain.WorkloadState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Series appear, change and disappear with the table changes the listener is told about. */
class InventoryMetricsTest {

    private static final String NGINX = ref("nginx:1.27");
    private static final String UBI = ref("registry.access.redhat.com/ubi9:9.4");

    private final Clock clock = Clock.fixed(Instant.ofEpochMilli(Samples.T0 + 90_000), ZoneOffset.UTC);
    private final InventoryMetrics metrics = new InventoryMetrics(clock);

    @Test
    void shouldExposeSeedAndInventorySeriesWhenAnImageComesIntoUse() {
        // When nginx enters use unclassified, then its classification arrives
        ImageState pending = image("nginx:1.27", 2, null);
        metrics.onImageState(NGINX, null, pending);

        // Then it counts, is pending, and the lag runs from its first container (90 s ago)
        assertThat(metrics.value("container_image_count", "nginx:1.27")).isEqualTo(2.0);
        assertThat(metrics.value("imagecensus_image_containers", NGINX)).isEqualTo(2.0);
        assertThat(metrics.value("imagecensus_unclassified_images")).isEqualTo(1.0);
        assertThat(metrics.value("imagecensus_enrichment_lag_seconds")).isEqualTo(90.0);
        assertThat(metrics.value("imagecensus_fips_containers", "UNCLASSIFIED")).isEqualTo(2.0);
        assertThat(metrics.value("imagecensus_availability_images", "UNCLASSIFIED")).isEqualTo(1.0);

        ImageState known = image("nginx:1.27", 2, classified("nginx:1.27", "debian", "12", Fips.NOT_DETECTED, "AVAILABLE"));
        metrics.onImageState(NGINX, pending, known);

        // Then the pending series moved to the classified ones, and nothing stale is left
        assertThat(metrics.value("imagecensus_unclassified_images")).isEqualTo(0.0);
        assertThat(metrics.value("imagecensus_enrichment_lag_seconds")).isEqualTo(0.0);
        assertThat(metrics.value("imagecensus_fips_containers", "UNCLASSIFIED")).isNull();
        assertThat(metrics.value("imagecensus_fips_containers", "NOT_DETECTED")).isEqualTo(2.0);
        assertThat(metrics.value("imagecensus_distro_containers", "debian", "12")).isEqualTo(2.0);
        assertThat(metrics.value("imagecensus_availability_images", "AVAILABLE")).isEqualTo(1.0);
        assertThat(metrics.size("imagecensus_image_info")).isEqualTo(1);
        assertThat(metrics.value("imagecensus_image_info", NGINX, Samples.DIGEST, "linux", "amd64", "debian", "12",
                "NOT_DETECTED")).isEqualTo(1.0);
    }

    @Test
    void shouldChangeValuesAndDropSeriesWhenUsageChangesAndEnds() {
        // Given two images of the same distro
        ImageState nginx = image("nginx:1.27", 3, classified("nginx:1.27", "debian", "12", Fips.NOT_DETECTED, "AVAILABLE"));
        ImageState ubi = image("registry.access.redhat.com/ubi9:9.4", 1, classified("registry.access.redhat.com/ubi9:9.4",
                "debian", "12", Fips.CAPABLE, "ABSENT"));
        metrics.onImageState(NGINX, null, nginx);
        metrics.onImageState(UBI, null, ubi);
        assertThat(metrics.value("imagecensus_distro_containers", "debian", "12")).isEqualTo(4.0);

        // When nginx scales down to one container and ubi goes away
        ImageState smaller = image("nginx:1.27", 1, nginx.classification());
        metrics.onImageState(NGINX, nginx, smaller);
        metrics.onImageState(UBI, ubi, null);

        // Then the counts follow and ubi's series are gone
        assertThat(metrics.value("container_image_count", "nginx:1.27")).isEqualTo(1.0);
        assertThat(metrics.value("imagecensus_distro_containers", "debian", "12")).isEqualTo(1.0);
        assertThat(metrics.value("container_image_count", "registry.access.redhat.com/ubi9:9.4")).isNull();
        assertThat(metrics.value("imagecensus_fips_containers", "CAPABLE")).isNull();
        assertThat(metrics.value("imagecensus_availability_images", "ABSENT")).isNull();
        assertThat(metrics.size("imagecensus_image_info")).isEqualTo(1);

        // When the last one goes too, only the always-present numbers are left
        metrics.onImageState(NGINX, smaller, null);
        assertThat(metrics.size("container_image_count")).isZero();
        assertThat(metrics.size("imagecensus_distro_containers")).isZero();
        assertThat(metrics.size("imagecensus_image_info")).isZero();
        assertThat(metrics.value("imagecensus_unclassified_images")).isEqualTo(0.0);
    }

    @Test
    void shouldReportPodFipsWhenAnyContainerIsEnforcedOrCapable() {
        PodState fips = pod("pay", "api-1", "Deployment", "api", "registry.access.redhat.com/ubi9:9.4", Fips.CAPABLE, "AVAILABLE");
        PodState plain = pod("web", "web-1", "Deployment", "web", "nginx:1.27", Fips.CLAIMED, "AVAILABLE");
        metrics.onPodState("prod/pay/api-1", null, fips);
        metrics.onPodState("prod/web/web-1", null, plain);

        assertThat(metrics.value("workload_fips_enabled", "pay", "api-1")).isEqualTo(1.0);
        assertThat(metrics.value("workload_fips_enabled", "web", "web-1")).isEqualTo(0.0);

        // When a pod is deleted its series goes
        metrics.onPodState("prod/web/web-1", plain, null);
        assertThat(metrics.value("workload_fips_enabled", "web", "web-1")).isNull();
    }

    @Test
    void shouldExportExistencePerWorkloadKindWhenChecked() {
        // Given a Deployment whose image is absent, a StatefulSet not checked yet and a Job (no such family)
        WorkloadState deployment = workload(pod("web", "web-1", "Deployment", "web", "nginx:1.27", Fips.NOT_DETECTED, "ABSENT"));
        WorkloadState statefulSet = workload(pod("db", "db-0", "StatefulSet", "db", "postgres:16", Fips.UNKNOWN, null));
        WorkloadState job = workload(pod("ops", "job-1", "Job", "job", "busybox:1", Fips.NOT_DETECTED, "AVAILABLE"));
        metrics.onWorkloadState("prod/web/Deployment/web", null, deployment);
        metrics.onWorkloadState("prod/db/StatefulSet/db", null, statefulSet);
        metrics.onWorkloadState("prod/ops/Job/job", null, job);

        assertThat(metrics.value("k8s_image_existence_exporter_deployment_image_exists", "web", "web", "app", "nginx:1.27"))
                .isEqualTo(0.0);
        assertThat(metrics.size("k8s_image_existence_exporter_statefulset_image_exists")).isZero();
        assertThat(metrics.value("imagecensus_fips_workloads", "DISABLED")).isEqualTo(2.0);
        assertThat(metrics.value("imagecensus_fips_workloads", "UNKNOWN")).isEqualTo(1.0);

        // When the image becomes available, then the value flips; when the workload goes, its series go
        WorkloadState available = workload(pod("web", "web-1", "Deployment", "web", "nginx:1.27", Fips.NOT_DETECTED, "AVAILABLE"));
        metrics.onWorkloadState("prod/web/Deployment/web", deployment, available);
        assertThat(metrics.value("k8s_image_existence_exporter_deployment_image_exists", "web", "web", "app", "nginx:1.27"))
                .isEqualTo(1.0);
        metrics.onWorkloadState("prod/web/Deployment/web", available, null);
        assertThat(metrics.size("k8s_image_existence_exporter_deployment_image_exists")).isZero();
        assertThat(metrics.value("imagecensus_fips_workloads", "DISABLED")).isEqualTo(1.0);
    }

    @Test
    void shouldCountInvalidReferencesAsWrittenWhenTheyHaveNoCanonicalForm() {
        metrics.onInvalidReference("NGINX:Bad Tag", null, 2);
        assertThat(metrics.value("container_image_count", "NGINX:Bad Tag")).isEqualTo(2.0);
        assertThat(metrics.value("imagecensus_invalid_reference_containers")).isEqualTo(2.0);

        metrics.onInvalidReference("NGINX:Bad Tag", 2, null);
        assertThat(metrics.value("container_image_count", "NGINX:Bad Tag")).isNull();
        assertThat(metrics.value("imagecensus_invalid_reference_containers")).isEqualTo(0.0);
    }

    @Test
    void shouldKeepASeriesWhileAnotherClusterStillContributesToItsLabels() {
        // Given the same namespace/pod name in two clusters, one FIPS-enabled
        PodState a = pod("pay", "api-1", "Deployment", "api", "registry.access.redhat.com/ubi9:9.4", Fips.ENFORCED, "AVAILABLE");
        PodState b = pod("pay", "api-1", "Deployment", "api", "nginx:1.27", Fips.NOT_DETECTED, "AVAILABLE");
        metrics.onPodState("east/pay/api-1", null, a);
        metrics.onPodState("west/pay/api-1", null, b);
        assertThat(metrics.value("workload_fips_enabled", "pay", "api-1")).isEqualTo(1.0);

        // When the enabled one goes, the other still holds the series
        metrics.onPodState("east/pay/api-1", a, null);
        assertThat(metrics.value("workload_fips_enabled", "pay", "api-1")).isEqualTo(0.0);
    }

    @Test
    void shouldWriteTheTextFormatWithEscapedLabelsWhenScraped() {
        metrics.onInvalidReference("bad\"ref\\x", null, 1);
        metrics.onImageState(NGINX, null, image("nginx:1.27", 2, null));
        ScrapeBuffer out = new ScrapeBuffer(0);

        metrics.writeTo(out, java.util.Set.of());

        String text = new String(out.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("# TYPE container_image_count untyped\n",
                "container_image_count{image=\"bad\\\"ref\\\\x\"} 1\n",
                "container_image_count{image=\"nginx:1.27\"} 2\n",
                "# TYPE imagecensus_image_info gauge\n",
                "imagecensus_unclassified_images 1\n",
                "imagecensus_enrichment_lag_seconds 90\n")
                .doesNotContain("k8s_image_existence_exporter");
    }
}
