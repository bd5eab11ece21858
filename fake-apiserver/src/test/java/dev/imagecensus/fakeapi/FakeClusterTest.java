package dev.imagecensus.fakeapi;

import static dev.imagecensus.fakeapi.TestObjects.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class FakeClusterTest {

  private final FakeCluster cluster = new FakeCluster(5);

  @Test
  void shouldAssignResourceVersionUidAndTimestampWhenCreating() {
    long before = cluster.resourceVersion();

    ObjectNode created = cluster.create(ResourceKind.POD, pod("default", "web", "nginx:1.27"));

    assertThat(created.path("kind").asText()).isEqualTo("Pod");
    assertThat(created.path("apiVersion").asText()).isEqualTo("v1");
    assertThat(created.at("/metadata/resourceVersion").asText()).isEqualTo(Long.toString(before + 1));
    assertThat(created.at("/metadata/uid").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab].{3}-.{12}");
    assertThat(created.at("/metadata/creationTimestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(cluster.resourceVersion()).isEqualTo(before + 1);
  }

  @Test
  void shouldKeepUidAndBumpResourceVersionWhenUpdating() {
    ObjectNode created = cluster.create(ResourceKind.POD, pod("default", "web", "nginx:1.27"));

    ObjectNode updated = cluster.update(ResourceKind.POD, pod("default", "web", "nginx:1.28"));

    assertThat(updated.at("/metadata/uid")).isEqualTo(created.at("/metadata/uid"));
    assertThat(updated.at("/metadata/resourceVersion").asLong())
        .isGreaterThan(created.at("/metadata/resourceVersion").asLong());
    assertThat(updated.at("/spec/containers/0/image").asText()).isEqualTo("nginx:1.28");
  }

  @Test
  void shouldRejectWithoutTraceWhenCreatingTwiceOrUpdatingMissing() {
    cluster.create(ResourceKind.POD, pod("default", "web", "nginx"));
    long rv = cluster.resourceVersion();

    assertThatThrownBy(() -> cluster.create(ResourceKind.POD, pod("default", "web", "nginx")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cluster.update(ResourceKind.POD, pod("default", "other", "nginx")))
        .isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> cluster.create(ResourceKind.JOB, pod("default", "web", "nginx")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(cluster.resourceVersion()).isEqualTo(rv);
  }

  @Test
  void shouldReturnLastStateAtNewResourceVersionWhenDeleting() {
    cluster.create(ResourceKind.POD, pod("default", "web", "nginx"));
    long rv = cluster.resourceVersion();

    ObjectNode deleted = cluster.delete(ResourceKind.POD, "default", "web").orElseThrow();

    assertThat(deleted.at("/metadata/resourceVersion").asLong()).isEqualTo(rv + 1);
    assertThat(cluster.get(ResourceKind.POD, "default", "web")).isEmpty();
    assertThat(cluster.delete(ResourceKind.POD, "default", "web")).isEmpty();
  }

  @Test
  void shouldFillNamespaceNameAndNamespaceLabelWhenMissing() {
    ObjectNode generated = cluster.create(ResourceKind.POD,
        "{\"metadata\":{\"generateName\":\"web-\"},\"spec\":{\"containers\":[]}}");
    ObjectNode ns = cluster.create(ResourceKind.NAMESPACE, TestObjects.namespace("team-a", "env", "prod"));

    assertThat(generated.at("/metadata/name").asText()).matches("web-[a-z0-9]{5}");
    assertThat(generated.at("/metadata/namespace").asText()).isEqualTo("default");
    assertThat(ns.at("/metadata/labels/env").asText()).isEqualTo("prod");
    assertThat(ns.at("/metadata/labels/kubernetes.io~1metadata.name").asText()).isEqualTo("team-a");
    assertThat(ns.at("/status/phase").asText()).isEqualTo("Active");
    assertThat(ns.at("/metadata/namespace").isMissingNode()).isTrue();
  }

  @Test
  void shouldListInEtcdKeyOrderWhenSeeded() {
    int seeded = cluster.seed(ResourceKind.POD, List.of(
        TestObjects.podBytes("b", "x", "i"), TestObjects.podBytes("a-b", "y", "i"), TestObjects.podBytes("a", "z", "i")));

    assertThat(seeded).isEqualTo(3);
    assertThat(cluster.list(ResourceKind.POD)).extracting(p -> p.at("/metadata/namespace").asText())
        .containsExactly("a-b", "a", "b"); // etcd key order: "a-b/y" < "a/z"
    assertThat(cluster.count(ResourceKind.POD)).isEqualTo(3);
  }

  @Test
  void shouldReportGoneWhenHistoryNoLongerReachesTheCursor() throws InterruptedException {
    long start = cluster.resourceVersion();
    for (int i = 0; i < 7; i++) { // history keeps 5
      cluster.create(ResourceKind.POD, pod("default", "p" + i, "nginx"));
    }
    long soon = System.nanoTime() + 1_000_000;

    WatchPoll tooOld = cluster.poll(ResourceKind.POD, start, soon, () -> false);
    WatchPoll recent = cluster.poll(ResourceKind.POD, start + 2, soon, () -> false);

    assertThat(tooOld.gone()).isTrue();
    assertThat(recent.gone()).isFalse();
    assertThat(recent.events()).hasSize(5);
    assertThat(recent.cursor()).isEqualTo(cluster.resourceVersion());
  }

  @Test
  void shouldMakeEveryCursorGoneButTheNewRevisionWhenHistoryExpires() throws InterruptedException {
    cluster.create(ResourceKind.POD, pod("default", "a", "nginx"));
    long upToDate = cluster.resourceVersion();

    cluster.expireHistory();

    assertThat(cluster.resourceVersion()).isEqualTo(upToDate + 1);
    assertThat(cluster.poll(ResourceKind.NAMESPACE, upToDate, System.nanoTime(), () -> false).gone()).isTrue();
    assertThat(cluster.poll(ResourceKind.POD, upToDate + 1, System.nanoTime(), () -> false).gone()).isFalse();
  }

  @Test
  void shouldHoldBackEventsWhilePausedAndExpireThemWhenForcedGone() throws InterruptedException {
    cluster.create(ResourceKind.POD, pod("default", "a", "nginx"));
    long cursor = cluster.resourceVersion();
    cluster.pauseWatches();
    cluster.create(ResourceKind.POD, pod("default", "b", "nginx"));

    WatchPoll paused = cluster.poll(ResourceKind.POD, cursor, System.nanoTime() + 1_000_000, () -> false);
    cluster.forceGone(() -> cluster.delete(ResourceKind.POD, "default", "a"));
    WatchPoll afterGone = cluster.poll(ResourceKind.POD, cursor, System.nanoTime() + 1_000_000, () -> false);
    WatchPoll upToDate = cluster.poll(ResourceKind.POD, cluster.resourceVersion(), System.nanoTime(), () -> false);

    assertThat(paused.events()).isEmpty();
    assertThat(paused.cursor()).isEqualTo(cursor);
    assertThat(afterGone.gone()).isTrue();
    assertThat(upToDate.gone()).isFalse();
  }
}
