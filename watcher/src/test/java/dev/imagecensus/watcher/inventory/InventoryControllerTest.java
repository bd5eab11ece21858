package dev.imagecensus.watcher.inventory;

import static dev.imagecensus.watcher.inventory.Pods.app;
import static dev.imagecensus.watcher.inventory.Pods.pod;
import static dev.imagecensus.watcher.inventory.Pods.replicaSet;
import static dev.imagecensus.watcher.inventory.Pods.running;
import static dev.imagecensus.watcher.inventory.Pods.withPhase;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.watcher.model.OwnerRef;
import dev.imagecensus.watcher.model.PodView;
import dev.imagecensus.watcher.model.ResourceType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryControllerTest {

    private static final OwnerRef RS = new OwnerRef("ReplicaSet", "web-7d67dc9ff9");

    private final PodView web = pod("u1", "web-7d67dc9ff9-a", "Running", RS, app("nginx", "nginx:1.27"));
    private final PodView db = running("u2", "db", app("postgres", "postgres:16"));
    private final PodView cache = running("u3", "cache", app("redis", "redis:7"));

    @Test
    void shouldAddEveryContainerWhenTheFirstListMeetsAnEmptyState() {
        InventoryController controller = controller(false, new PublishedState());

        List<String> changes = list(controller, web, db);

        assertThat(changes).containsExactly("ADDED u1/nginx Deployment/web", "ADDED u2/postgres Pod/db");
    }

    @Test
    void shouldPublishOnlyTheDifferenceWhenRestartedOnAPublishedState() {
        PublishedState before = publishedAfter(web, db, cache);
        PodView dbWithDigest = running("u2", "db", app("postgres", "postgres:16", "sha256:" + "c".repeat(64)));
        PodView added = running("u4", "api", app("api", "ghcr.io/org/api:2"));
        InventoryController restarted = controller(false, before);

        List<String> changes = list(restarted, web, dbWithDigest, added); // cache vanished while down

        assertThat(changes).containsExactly("UPDATED u2/postgres Pod/db", "ADDED u4/api Pod/api",
                "DELETED u3/redis Pod/cache");
    }

    @Test
    void shouldEmitNothingWhenARelistFindsNothingChanged() {
        InventoryController controller = controller(false, new PublishedState());
        list(controller, web, db);

        assertThat(list(controller, web, db)).isEmpty();
    }

    @Test
    void shouldDeleteWhenThePodReachesATerminalPhase() {
        InventoryController controller = controller(false, new PublishedState());
        list(controller, db);

        assertThat(apply(controller, new Signal.PodUpserted(withPhase(db, "Succeeded")))).containsExactly("DELETED u2/postgres Pod/db");
        assertThat(apply(controller, new Signal.PodDeleted(withPhase(db, "Succeeded")))).isEmpty();
    }

    @Test
    void shouldDeleteOnceWhenThePodIsDeleted() {
        InventoryController controller = controller(false, new PublishedState());
        list(controller, db);

        assertThat(apply(controller, new Signal.PodDeleted(db))).containsExactly("DELETED u2/postgres Pod/db");
        assertThat(apply(controller, new Signal.PodDeleted(db))).isEmpty();
    }

    @Test
    void shouldCountOnlyRunningPodsWhenRunningOnly() {
        InventoryController controller = controller(true, new PublishedState());
        PodView pending = withPhase(db, "Pending");

        assertThat(list(controller, pending)).isEmpty();
        assertThat(apply(controller, new Signal.PodUpserted(db))).containsExactly("ADDED u2/postgres Pod/db");
        assertThat(apply(controller, new Signal.PodUpserted(withPhase(db, "Unknown")))).containsExactly("DELETED u2/postgres Pod/db");
    }

    @Test
    void shouldUpdateWhenAPendingPodStartsRunning() {
        InventoryController controller = controller(false, new PublishedState());
        list(controller, withPhase(db, "Pending"));

        assertThat(apply(controller, new Signal.PodUpserted(db))).containsExactly("UPDATED u2/postgres Pod/db");
    }

    @Test
    void shouldCorrectAProvisionalOwnerWhenTheReplicaSetArrivesLate() {
        InventoryController controller = new InventoryController(new PodEvaluator(NamespaceFilter.all(), false), new PublishedState());

        assertThat(apply(controller, new Signal.PodUpserted(web))).containsExactly("ADDED u1/nginx ReplicaSet/web-7d67dc9ff9");
        assertThat(apply(controller, new Signal.WorkloadUpserted(replicaSet("web-7d67dc9ff9", "web"))))
                .containsExactly("UPDATED u1/nginx Deployment/web");
        assertThat(apply(controller, new Signal.PodUpserted(web))).isEmpty();
    }

    @Test
    void shouldKeepTheResolvedOwnerWhenTheReplicaSetIsDeletedBeforeItsPods() {
        InventoryController controller = controller(false, new PublishedState());
        list(controller, web);

        apply(controller, new Signal.WorkloadDeleted(replicaSet("web-7d67dc9ff9", "web")));

        assertThat(apply(controller, new Signal.PodUpserted(withPhase(web, "Running")))).isEmpty();
        assertThat(apply(controller, new Signal.PodDeleted(web))).containsExactly("DELETED u1/nginx Deployment/web");
    }

    @Test
    void shouldRetractPodsOfANewlyExcludedNamespaceWhenRestarted() {
        PublishedState before = publishedAfter(db);
        InventoryController controller = new InventoryController(
                new PodEvaluator(NamespaceFilter.of(List.of(), List.of("def.*")), false), before);
        controller.apply(new Signal.WorkloadUpserted(replicaSet("web-7d67dc9ff9", "web")));

        assertThat(list(controller, db)).containsExactly("DELETED u2/postgres Pod/db");
    }

    @Test
    void shouldForgetVanishedReplicaSetsWhenTheirRelistCompletes() {
        InventoryController controller = controller(false, new PublishedState());
        assertThat(controller.knownWorkloads()).isEqualTo(1);

        controller.apply(new Signal.ListStarted(ResourceType.REPLICA_SET));
        assertThat(controller.listing(ResourceType.REPLICA_SET)).isTrue();
        controller.apply(new Signal.ListCompleted(ResourceType.REPLICA_SET, "9"));

        assertThat(controller.knownWorkloads()).isZero();
        assertThat(controller.listing(ResourceType.REPLICA_SET)).isFalse();
    }

    /** A controller that knows ReplicaSet web-7d67dc9ff9 → Deployment web. */
    private static InventoryController controller(boolean runningOnly, PublishedState state) {
        InventoryController controller = new InventoryController(new PodEvaluator(NamespaceFilter.all(), runningOnly), state);
        controller.apply(new Signal.WorkloadUpserted(replicaSet("web-7d67dc9ff9", "web")));
        return controller;
    }

    private static PublishedState publishedAfter(PodView... pods) {
        InventoryController controller = controller(false, new PublishedState());
        list(controller, pods);
        List<ContainerRecord> records = new ArrayList<>();
        for (PodView pod : pods) {
            records.addAll(controller.state().get(pod.uid()));
        }
        return PublishedState.of(records); // as read back from the topic
    }

    private static List<String> list(InventoryController controller, PodView... pods) {
        List<String> changes = new ArrayList<>(apply(controller, new Signal.ListStarted(ResourceType.POD)));
        for (PodView pod : pods) {
            changes.addAll(apply(controller, new Signal.PodUpserted(pod)));
        }
        changes.addAll(apply(controller, new Signal.ListCompleted(ResourceType.POD, "100")));
        return changes;
    }

    private static List<String> apply(InventoryController controller, Signal signal) {
        return controller.apply(signal).stream().map(c -> c.type() + " " + c.record().pod().uid() + "/" + c.record().name()
                + " " + c.record().pod().owner().kind() + "/" + c.record().pod().owner().name()).toList();
    }
}
