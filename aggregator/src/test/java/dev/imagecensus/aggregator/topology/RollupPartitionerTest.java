package dev.imagecensus.aggregator.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.aggregator.domain.Fips;
import dev.imagecensus.aggregator.domain.ImageStatus;
import dev.imagecensus.aggregator.domain.LiveContainer;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RollupPartitionerTest {

    private final RollupPartitioner partitioner = new RollupPartitioner();

    @Test
    void shouldSendAnImageStatusToEveryPartitionWhenAnImageIsClassified() {
        RollupInput status = RollupInput.of("docker.io/library/nginx:1.27", new ImageStatus("AVAILABLE", Fips.CAPABLE));

        assertThat(partitioner.partitions("t", "docker.io/library/nginx:1.27", status, 6)).contains(Set.of(0, 1, 2, 3, 4, 5));
    }

    @Test
    void shouldSendEveryContainerOfANamespaceToOnePartitionWhateverItsPodOrOwner() {
        Set<Set<Integer>> seen = new java.util.HashSet<>();
        for (int i = 0; i < 50; i++) {
            LiveContainer c = new LiveContainer("prod", "payments", "api-" + i, "uid-" + i, "app", "APP", "nginx:1.27",
                    "docker.io/library/nginx:1.27", null, "Running", i % 2 == 0 ? "Deployment" : "ReplicaSet", "api-" + i, 1L);
            seen.add(partitioner.partitions("t", "prod/uid-" + i + "/app", RollupInput.of(ContainerChange.of(c)), 6).orElseThrow());
            seen.add(partitioner.partitions("t", "prod/uid-" + i + "/app", RollupInput.of(ContainerChange.of(c).removal()), 6)
                    .orElseThrow());
        }

        assertThat(seen).hasSize(1);
        assertThat(seen.iterator().next()).hasSize(1);
    }
}
