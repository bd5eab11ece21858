package dev.imagecensus.aggregator.topology;

import static dev.imagecensus.aggregator.topology.Events.classification;
import static dev.imagecensus.aggregator.topology.Events.container;
import static dev.imagecensus.aggregator.topology.Events.ref;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.aggregator.InventoryListener;
import dev.imagecensus.aggregator.domain.AuditAction;
import dev.imagecensus.aggregator.domain.AuditEntry;
import dev.imagecensus.aggregator.domain.ImageState;
import dev.imagecensus.aggregator.domain.PodState;
import dev.imagecensus.aggregator.domain.WorkloadState;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.FipsStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The change stream behind precomputed metrics: (key, old, new) for every table change, retracted on close. */
class ChangeListenerTopologyTest {

    /** One listener call, values reduced to what the assertions compare. */
    record Call(String table, String key, String old, String now) {
    }

    private static final class Recording implements InventoryListener {
        final List<Call> calls = new ArrayList<>();
        final List<AuditEntry> audits = new ArrayList<>();

        @Override
        public void onImageState(String image, ImageState old, ImageState now) {
            calls.add(new Call("image", image, image(old), image(now)));
        }

        @Override
        public void onPodState(String pod, PodState old, PodState now) {
            calls.add(new Call("pod", pod, old == null ? null : old.fips().name(), now == null ? null : now.fips().name()));
        }

        @Override
        public void onWorkloadState(String workload, WorkloadState old, WorkloadState now) {
            calls.add(new Call("workload", workload, old == null ? null : "pods=" + old.pods(),
                    now == null ? null : "pods=" + now.pods()));
        }

        @Override
        public void onAudit(AuditEntry entry) {
            audits.add(entry);
        }

        private static String image(ImageState state) {
            return state == null ? null : state.usage().containers() + (state.classified() ? " classified" : "");
        }

        List<Call> of(String table) {
            return calls.stream().filter(c -> c.table().equals(table)).toList();
        }
    }

    @Test
    void shouldReportEachChangeWithItsPreviousValueWhenTablesChange() {
        Recording listener = new Recording();
        try (TopologyFixture fixture = TopologyFixture.start(listener)) {
            // Given a container, then its classification, then its removal
            var web1 = container("default", "web-1", "nginx");
            fixture.pipe(web1, web1.added());
            fixture.classify(classification("nginx:1.27", FipsStatus.CAPABLE, Existence.AVAILABLE));
            fixture.pipe(web1, web1.deleted());

            // Then the image went unclassified → classified → gone
            String nginx = ref("nginx:1.27");
            assertThat(listener.of("image")).containsExactly(
                    new Call("image", nginx, null, "1"),
                    new Call("image", nginx, "1", "1 classified"),
                    new Call("image", nginx, "1 classified", null));
            // And the pod went UNKNOWN → ENABLED → gone, its workload 1 pod → gone
            String pod = Events.CLUSTER + "/default/web-1";
            assertThat(listener.of("pod")).containsExactly(
                    new Call("pod", pod, null, "UNKNOWN"),
                    new Call("pod", pod, "UNKNOWN", "ENABLED"),
                    new Call("pod", pod, "ENABLED", null));
            assertThat(listener.of("workload")).first().isEqualTo(
                    new Call("workload", Events.CLUSTER + "/default/Deployment/web", null, "pods=1"));
            assertThat(listener.of("workload")).last().extracting(Call::now).isNull();
            // And both audit transitions were reported
            assertThat(listener.audits).extracting(AuditEntry::action).containsExactly(AuditAction.ENTERED, AuditAction.LEFT);
        }
    }

    @Test
    void shouldRetractWhatItReportedWhenTheTaskCloses() {
        Recording listener = new Recording();
        String nginx = ref("nginx:1.27");
        // Given an image in use, reported to the listener
        try (TopologyFixture fixture = TopologyFixture.start(listener)) {
            var web1 = container("default", "web-1", "nginx");
            fixture.pipe(web1, web1.added());
            listener.calls.clear();
        } // When the task closes (shutdown, or its partitions move to another instance)

        // Then every reported entry is retracted, so no stale series stays behind
        assertThat(listener.of("image")).containsExactly(new Call("image", nginx, "1", null));
        assertThat(listener.of("pod")).hasSize(1).allMatch(c -> c.now() == null && Objects.equals(c.old(), "UNKNOWN"));
        assertThat(listener.of("workload")).hasSize(1).allMatch(c -> c.now() == null);
    }

    @Test
    void shouldKeepProcessingWhenTheListenerThrows() {
        InventoryListener failing = new InventoryListener() {
            @Override
            public void onImageState(String image, ImageState old, ImageState now) {
                throw new IllegalStateException("metrics bug");
            }
        };
        try (TopologyFixture fixture = TopologyFixture.start(failing)) {
            // Given a listener that throws on every image change
            var web1 = container("default", "web-1", "nginx");

            // When containers change
            fixture.pipe(web1, web1.added());

            // Then the pipeline still produces its outputs
            assertThat(fixture.inventory.readValue().getContainers()).isEqualTo(1);
            assertThat(fixture.audit.isEmpty()).isFalse();
        }
    }
}
