package dev.imagecensus.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imagecensus.fakeapi.FakeCluster;
import dev.imagecensus.fakeapi.ResourceKind;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoClusterTest {

    @Test
    void shouldSeedEveryWorkloadKindWhenStarted() throws Exception {
        try (DemoCluster demo = DemoCluster.start(DemoImages.publicImages(), Duration.ZERO)) {
            FakeCluster cluster = demo.cluster();

            assertThat(cluster.count(ResourceKind.POD)).isEqualTo(20);
            assertThat(cluster.count(ResourceKind.NAMESPACE)).isEqualTo(5);
            assertThat(ownerKinds(cluster.list(ResourceKind.POD)))
                    .contains("ReplicaSet", "StatefulSet", "DaemonSet", "Job").contains((String) null);
            assertThat(ownerKinds(cluster.list(ResourceKind.JOB))).containsExactly("CronJob");
            assertThat(images(cluster)).contains("nginx:1.27", "busybox:1.36", "quay.io/demo/payments-fips:2.3",
                    "Demo/Invalid Image:latest");
        }
    }

    @Test
    void shouldPointAtTheRegistryWhenGivenOne() {
        DemoImages images = DemoImages.inRegistry("localhost:5000");

        assertThat(images.reference(DemoImages.Slot.WEB)).isEqualTo("localhost:5000/synthetic/debian-app:1");
        assertThat(images.reference(DemoImages.Slot.INVALID)).isEqualTo("Demo/Invalid Image:latest");
    }

    @Test
    void shouldKeepEveryPodsOwnerAndOneRunningJobWhenChurning() throws Exception {
        try (DemoCluster demo = DemoCluster.start(DemoImages.publicImages(), Duration.ZERO)) {
            for (int i = 0; i < 40; i++) {
                demo.churnOnce();
            }
            FakeCluster cluster = demo.cluster();
            Set<String> owners = names(cluster, ResourceKind.REPLICA_SET);
            owners.addAll(names(cluster, ResourceKind.JOB));
            List<? extends JsonNode> pods = cluster.list(ResourceKind.POD);

            for (JsonNode pod : pods) {
                JsonNode owner = pod.path("metadata").path("ownerReferences").path(0);
                if (Set.of("ReplicaSet", "Job").contains(owner.path("kind").asText())) {
                    assertThat(owners).contains(owner.path("name").asText());
                }
            }
            assertThat(pods.stream().filter(p -> p.path("metadata").path("name").asText().startsWith("nightly-backup-")
                    && p.path("status").path("phase").asText().equals("Running"))).hasSize(1);
            assertThat(pods.stream().filter(p -> p.path("metadata").path("name").asText().startsWith("web-")).count())
                    .isIn(3L, 5L);
        }
    }

    private static Set<String> names(FakeCluster cluster, ResourceKind kind) {
        return cluster.list(kind).stream().map(o -> o.path("metadata").path("name").asText())
                .collect(Collectors.toSet());
    }

    private static List<String> ownerKinds(List<? extends JsonNode> objects) {
        return objects.stream().map(o -> {
            JsonNode ref = o.path("metadata").path("ownerReferences").path(0);
            return ref.isMissingNode() ? null : ref.path("kind").asText();
        }).distinct().toList();
    }

    private static Set<String> images(FakeCluster cluster) {
        return cluster.list(ResourceKind.POD).stream()
                .flatMap(p -> java.util.stream.Stream.concat(p.path("spec").path("containers").valueStream(),
                        p.path("spec").path("initContainers").valueStream()))
                .map(c -> c.path("image").asText()).collect(Collectors.toSet());
    }
}
