package dev.imagecensus.watcher.it;

import static dev.imagecensus.watcher.it.PodJson.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.embedded.junit.StackExtension;
import dev.imagecensus.embedded.junit.TestStack;
import dev.imagecensus.fakeapi.ResourceKind;
import dev.imagecensus.watcher.Watcher;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Exactness across restarts, server-closed watches and 410 relists: no duplicate ADDED, no lost DELETED. */
@ExtendWith(StackExtension.class)
class WatcherRestartIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final String ADDED = "ADDED APP Pod/%s Running ref=docker.io/library/%s digest=null invalid=false";
    private static final String DELETED = "DELETED APP Pod/%s Running ref=docker.io/library/%s digest=null invalid=false";

    @Test
    void shouldPublishOnlyTheDifferenceWhenRestartedAfterDowntime(TestStack stack) throws Exception {
        try (ClusterFixture f = new ClusterFixture(stack); EventsReader reader = f.reader()) {
            f.create(pod("a").container("c", "nginx:1.27"));
            f.create(pod("b").container("c", "redis:7"));
            f.create(pod("c").container("c", "postgres:16"));
            f.create(pod("keep-running").container("c", "memcached:1"));
            try (Watcher first = f.startWatcher()) {
                assertThat(reader.awaitTotal(4, TIMEOUT, Duration.ZERO)).hasSize(4);
                assertThat(first.ready()).isTrue();
            }

            // While the watcher is down: one pod deleted, one added, one changed, one stopped running
            f.deletePod("b");
            f.create(pod("d").container("c", "busybox:1.36"));
            f.update(pod("c").container("c", "postgres:17"));
            f.update(pod("keep-running").container("c", "memcached:1").phase("Pending"));

            try (Watcher restarted = f.startWatcher(f.config().runningOnly(true).build())) {
                assertThat(restarted.livenessProblems()).isEmpty();
                Map<String, List<String>> events = reader.byKey(reader.awaitTotal(4 + 2 + 1 + 1 + 2, TIMEOUT, QUIET));

                assertThat(events).containsExactlyInAnyOrderEntriesOf(Map.of(
                        f.key("a", "c"), List.of(ADDED.formatted("a", "nginx:1.27")),
                        f.key("b", "c"), List.of(ADDED.formatted("b", "redis:7"), DELETED.formatted("b", "redis:7"), "TOMBSTONE"),
                        f.key("c", "c"), List.of(ADDED.formatted("c", "postgres:16"),
                                "UPDATED APP Pod/c Running ref=docker.io/library/postgres:17 digest=null invalid=false"),
                        f.key("d", "c"), List.of(ADDED.formatted("d", "busybox:1.36")),
                        f.key("keep-running", "c"), List.of(ADDED.formatted("keep-running", "memcached:1"),
                                "DELETED APP Pod/keep-running Pending ref=docker.io/library/memcached:1 digest=null invalid=false",
                                "TOMBSTONE")));
            }

            // A second restart with nothing changed publishes nothing
            int before = reader.size();
            try (Watcher again = f.startWatcher(f.config().runningOnly(true).build())) {
                assertThat(reader.awaitTotal(before, TIMEOUT, QUIET)).hasSize(before);
                assertThat(again.ready()).isTrue();
            }
        }
    }

    @Test
    void shouldNotDuplicateWhenWatchesCloseOrExpire(TestStack stack) throws Exception {
        try (ClusterFixture f = new ClusterFixture(stack); EventsReader reader = f.reader()) {
            f.create(pod("a").container("c", "nginx:1.27"));
            f.create(pod("b").container("c", "redis:7"));
            try (Watcher watcher = f.startWatcher()) {
                reader.awaitTotal(2, TIMEOUT, Duration.ZERO);
                ClusterFixture.await("pod watch", TIMEOUT, () -> f.server.openWatches(ResourceKind.POD) > 0);

                // The server ends every watch: the watcher resumes from its resourceVersion and misses nothing
                f.server.closeAllWatches();
                f.create(pod("c").container("c", "postgres:16"));
                reader.awaitTotal(3, TIMEOUT, Duration.ZERO);

                // The history expires while changes happen unseen: 410, relist, diff
                ClusterFixture.await("pod watch", TIMEOUT, () -> f.server.openWatches(ResourceKind.POD) > 0);
                f.api().forceGone(() -> {
                    f.deletePod("a");
                    f.create(pod("d").container("c", "busybox:1.36"));
                });

                Map<String, List<String>> events = reader.byKey(reader.awaitTotal(3 + 2 + 1, TIMEOUT, QUIET));
                assertThat(events).containsExactlyInAnyOrderEntriesOf(Map.of(
                        f.key("a", "c"), List.of(ADDED.formatted("a", "nginx:1.27"), DELETED.formatted("a", "nginx:1.27"), "TOMBSTONE"),
                        f.key("b", "c"), List.of(ADDED.formatted("b", "redis:7")),
                        f.key("c", "c"), List.of(ADDED.formatted("c", "postgres:16")),
                        f.key("d", "c"), List.of(ADDED.formatted("d", "busybox:1.36"))));
                String metrics = WatcherIT.get(watcher, "/metrics");
                assertThat(metrics).contains("imagecensus_watcher_relists_total{resource=\"pods\"} 1.0")
                        .contains("imagecensus_watcher_resync_changes_total{type=\"deleted\"} 1.0")
                        .contains("imagecensus_watcher_resync_changes_total{type=\"added\"} 3.0"); // 2 initial + 1 relist
            }
        }
    }
}
