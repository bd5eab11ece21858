package dev.imagecensus.watcher.it;

import static dev.imagecensus.watcher.it.PodJson.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagecensus.embedded.junit.StackExtension;
import dev.imagecensus.embedded.junit.TestStack;
import dev.imagecensus.fakeapi.ResourceKind;
import dev.imagecensus.watcher.Watcher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pods of every kind against the fake API server → exactly the expected events on the real broker and registry. */
@ExtendWith(StackExtension.class)
class WatcherIT {

    private static final String DIGEST = "sha256:" + "1".repeat(64);
    private static final String DIGEST2 = "sha256:" + "2".repeat(64);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration QUIET = Duration.ofSeconds(2);

    @Test
    void shouldPublishOneEventPerContainerWhenPodsOfEveryKindExist(TestStack stack) throws Exception {
        try (ClusterFixture f = new ClusterFixture(stack)) {
            // Given workloads and pods of every kind, one with fields no client model knows
            f.api().create(ResourceKind.REPLICA_SET, PodJson.replicaSet("web-7d67dc9ff9", "web"));
            f.api().create(ResourceKind.REPLICA_SET, PodJson.replicaSet("orphan-rs", null));
            f.api().create(ResourceKind.JOB, PodJson.job("backup-28911", "backup"));
            f.api().create(ResourceKind.JOB, PodJson.job("migrate", null));
            f.create(pod("web-7d67dc9ff9-mfll9").owner("ReplicaSet", "web-7d67dc9ff9").container("nginx", "nginx:1.27"));
            f.create(pod("orphan-rs-x").owner("ReplicaSet", "orphan-rs").container("app", "busybox"));
            f.create(pod("db-0").owner("StatefulSet", "db").container("postgres", "postgres:16")
                    .imageId("containerStatuses", "postgres", "docker.io/library/postgres@" + DIGEST));
            f.create(pod("fluentd-abc").owner("DaemonSet", "fluentd").container("fluentd", "fluent/fluentd:v1"));
            f.create(pod("backup-28911-q").owner("Job", "backup-28911").container("backup", "restic/restic"));
            f.create(pod("migrate-z").owner("Job", "migrate").container("flyway", "flyway/flyway:10"));
            f.create(pod("bare").init("init", "busybox:1.36").sidecar("proxy", "envoyproxy/envoy:v1.31")
                    .container("app", "ghcr.io/org/app:2").ephemeral("debug", "busybox"));
            f.create(pod("pinned").container("app", "ghcr.io/org/app@" + DIGEST2).unknownFields());
            f.create(pod("broken").phase("Pending").container("app", "Not A Valid Ref"));

            // When the watcher starts
            try (Watcher watcher = f.startWatcher(); EventsReader reader = f.reader()) {
                Map<String, List<String>> events = reader.byKey(reader.awaitTotal(12, TIMEOUT, QUIET));

                // Then exactly one ADDED per container, each with its workload
                assertThat(events).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry(f.key("web-7d67dc9ff9-mfll9", "nginx"),
                                List.of("ADDED APP Deployment/web Running ref=docker.io/library/nginx:1.27 digest=null invalid=false")),
                        Map.entry(f.key("orphan-rs-x", "app"),
                                List.of("ADDED APP ReplicaSet/orphan-rs Running ref=docker.io/library/busybox:latest digest=null invalid=false")),
                        Map.entry(f.key("db-0", "postgres"),
                                List.of("ADDED APP StatefulSet/db Running ref=docker.io/library/postgres:16 digest=" + DIGEST + " invalid=false")),
                        Map.entry(f.key("fluentd-abc", "fluentd"),
                                List.of("ADDED APP DaemonSet/fluentd Running ref=docker.io/fluent/fluentd:v1 digest=null invalid=false")),
                        Map.entry(f.key("backup-28911-q", "backup"),
                                List.of("ADDED APP CronJob/backup Running ref=docker.io/restic/restic:latest digest=null invalid=false")),
                        Map.entry(f.key("migrate-z", "flyway"),
                                List.of("ADDED APP Job/migrate Running ref=docker.io/flyway/flyway:10 digest=null invalid=false")),
                        Map.entry(f.key("bare", "init"),
                                List.of("ADDED INIT Pod/bare Running ref=docker.io/library/busybox:1.36 digest=null invalid=false")),
                        Map.entry(f.key("bare", "proxy"),
                                List.of("ADDED SIDECAR Pod/bare Running ref=docker.io/envoyproxy/envoy:v1.31 digest=null invalid=false")),
                        Map.entry(f.key("bare", "app"),
                                List.of("ADDED APP Pod/bare Running ref=ghcr.io/org/app:2 digest=null invalid=false")),
                        Map.entry(f.key("bare", "debug"),
                                List.of("ADDED EPHEMERAL Pod/bare Running ref=docker.io/library/busybox:latest digest=null invalid=false")),
                        Map.entry(f.key("pinned", "app"),
                                List.of("ADDED APP Pod/pinned Running ref=ghcr.io/org/app@" + DIGEST2 + " digest=null invalid=false")),
                        Map.entry(f.key("broken", "app"),
                                List.of("ADDED APP Pod/broken Pending ref=null digest=null invalid=true"))));
                assertThat(f.lines).anyMatch(l -> l.matches(
                        "\\[\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ INFO \\] \\[\\+\\|image\\]  nginx:1\\.27  \\[default\\|web-7d67dc9ff9-mfll9\\]"));
                assertThat(get(watcher, "/readyz")).isEqualTo("200 ok\n");
            }
        }
    }

    @Test
    void shouldPublishUpdatesAndDeletesWhenPodsChange(TestStack stack) throws Exception {
        try (ClusterFixture f = new ClusterFixture(stack)) {
            f.api().create(ResourceKind.JOB, PodJson.job("backup-28911", "backup"));
            f.create(pod("web").container("nginx", "nginx:1.27").phase("Pending"));
            f.create(pod("backup-28911-q").owner("Job", "backup-28911").container("backup", "restic/restic"));
            f.create(pod("bare").init("init", "busybox:1.36").container("app", "ghcr.io/org/app:2"));

            try (Watcher watcher = f.startWatcher(); EventsReader reader = f.reader()) {
                reader.awaitTotal(4, TIMEOUT, Duration.ZERO);

                // When the pod starts and its digest resolves, the job completes and the bare pod is deleted
                f.update(pod("web").container("nginx", "nginx:1.27").phase("Running")
                        .imageId("containerStatuses", "nginx", "docker.io/library/nginx@" + DIGEST));
                f.update(pod("backup-28911-q").owner("Job", "backup-28911").container("backup", "restic/restic")
                        .phase("Succeeded"));
                f.api().update(ResourceKind.POD, pod("backup-28911-q").owner("Job", "backup-28911")
                        .container("backup", "restic/restic").phase("Succeeded").json()); // a no-op status write
                f.deletePod("bare");
                f.create(pod("late").container("app", "redis:7"));

                Map<String, List<String>> events = reader.byKey(reader.awaitTotal(4 + 1 + 2 + 4 + 1, TIMEOUT, QUIET));

                assertThat(events.get(f.key("web", "nginx"))).containsExactly(
                        "ADDED APP Pod/web Pending ref=docker.io/library/nginx:1.27 digest=null invalid=false",
                        "UPDATED APP Pod/web Running ref=docker.io/library/nginx:1.27 digest=" + DIGEST + " invalid=false");
                assertThat(events.get(f.key("backup-28911-q", "backup"))).containsExactly(
                        "ADDED APP CronJob/backup Running ref=docker.io/restic/restic:latest digest=null invalid=false",
                        "DELETED APP CronJob/backup Succeeded ref=docker.io/restic/restic:latest digest=null invalid=false",
                        "TOMBSTONE");
                assertThat(events.get(f.key("bare", "init"))).containsExactly(
                        "ADDED INIT Pod/bare Running ref=docker.io/library/busybox:1.36 digest=null invalid=false",
                        "DELETED INIT Pod/bare Running ref=docker.io/library/busybox:1.36 digest=null invalid=false",
                        "TOMBSTONE");
                assertThat(events.get(f.key("bare", "app"))).hasSize(3).endsWith("TOMBSTONE");
                assertThat(events.get(f.key("late", "app"))).hasSize(1);
                assertThat(f.lines).anyMatch(l -> l.endsWith("[~|image]  nginx:1.27  [default|web]"))
                        .anyMatch(l -> l.endsWith("[-|image]  busybox:1.36  [default|bare]"));
                assertThat(get(watcher, "/metrics")).contains("imagecensus_watcher_events_total{type=\"deleted\"} 3.0");
            }
        }
    }

    @Test
    void shouldRefuseToStartWhenTheTopicDoesNotExist(TestStack stack) throws Exception {
        try (ClusterFixture f = new ClusterFixture(stack)) {
            String missing = stack.uniqueTopic("missing-image-events");

            assertThatThrownBy(() -> Watcher.start(f.config().topic(missing).build(), f.lines::add))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("topic " + missing + " does not exist");
        }
    }

    static String get(Watcher watcher, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + watcher.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return path.equals("/metrics") ? response.body() : response.statusCode() + " " + response.body();
    }

}
