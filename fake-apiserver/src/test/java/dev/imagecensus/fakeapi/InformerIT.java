package dev.imagecensus.fakeapi;

import static dev.imagecensus.fakeapi.TestObjects.await;
import static dev.imagecensus.fakeapi.TestObjects.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.util.ClientBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The official client's shared informer, exactly as production code builds it, against the fake server. */
class InformerIT {

  private static final Logger log = LoggerFactory.getLogger(InformerIT.class);
  private static final Duration WAIT = Duration.ofSeconds(15);

  private FakeApiServer server;
  private SharedInformerFactory factory;
  private final List<String> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = FakeApiServer.builder().bookmarkInterval(Duration.ofMillis(300)).start();
    for (String name : List.of("a", "b", "c")) {
      server.cluster().create(ResourceKind.POD, pod("default", name, "nginx:1.27"));
    }
    ApiClient client = new ClientBuilder().setBasePath(server.url()).build(); // read timeout 0
    CoreV1Api api = new CoreV1Api(client);
    factory = new SharedInformerFactory(client);
    SharedIndexInformer<V1Pod> informer = factory.sharedIndexInformerFor(
        params -> api.listPodForAllNamespaces()
            .resourceVersion(params.resourceVersion)
            .timeoutSeconds(params.timeoutSeconds)
            .watch(params.watch)
            .allowWatchBookmarks(Boolean.TRUE.equals(params.watch) ? true : null)
            .buildCall(null),
        V1Pod.class, V1PodList.class);
    informer.addEventHandler(new Recorder());
    factory.startAllRegisteredInformers();
    await("initial sync", WAIT, informer::hasSynced);
    await("watch open", WAIT, () -> server.openWatches(ResourceKind.POD) == 1);
  }

  @AfterEach
  void stop() {
    factory.stopAllRegisteredInformers(true);
    server.close();
    log.info("requests seen: {}", server.requests());
  }

  @Test
  void shouldDeliverAddsUpdatesAndDeletesWhenInformerWatches() {
    FakeCluster cluster = server.cluster();

    cluster.create(ResourceKind.POD, pod("default", "d", "nginx:1.27"));
    cluster.update(ResourceKind.POD, pod("default", "a", "nginx:1.28"));
    cluster.delete(ResourceKind.POD, "default", "b");

    await("three events", WAIT, () -> events.size() == 6);
    assertThat(events).containsExactly("add a nginx:1.27", "add b nginx:1.27", "add c nginx:1.27",
        "add d nginx:1.27", "update a nginx:1.27 -> nginx:1.28", "delete b known");
    List<RecordedRequest> requests = server.requests();
    assertThat(requests.get(0)).hasToString("GET /api/v1/pods?resourceVersion=0&watch=false");
    assertThat(requests.get(1).isWatch()).isTrue();
    assertThat(requests.get(1).query()).containsEntry("allowWatchBookmarks", "true")
        .containsEntry("resourceVersion", Long.toString(cluster.resourceVersion() - 3))
        .containsKey("timeoutSeconds");
  }

  @Test
  void shouldResumeWithoutRelistOrDuplicatesWhenServerClosesWatch() {
    FakeCluster cluster = server.cluster();
    cluster.create(ResourceKind.POD, pod("default", "d", "nginx"));
    await("add d", WAIT, () -> events.contains("add d nginx"));
    String lastSeen = Long.toString(cluster.resourceVersion());
    server.clearRequests();

    server.closeAllWatches();
    await("watch resumed", WAIT, () -> server.requests().stream().anyMatch(RecordedRequest::isWatch));
    cluster.create(ResourceKind.POD, pod("default", "e", "nginx"));
    await("add e", WAIT, () -> events.contains("add e nginx"));

    List<RecordedRequest> requests = server.requests();
    assertThat(requests).allMatch(RecordedRequest::isWatch, "no relist");
    // Bookmarks may move the client's resourceVersion on, never back.
    assertThat(Long.parseLong(requests.get(0).resourceVersion())).isGreaterThanOrEqualTo(Long.parseLong(lastSeen));
    assertThat(events).filteredOn(e -> e.startsWith("add")).hasSize(5).doesNotHaveDuplicates();
  }

  @Test
  void shouldRelistAndReportVanishedPodsWhenWatchGetsGone() {
    FakeCluster cluster = server.cluster();
    server.clearRequests();

    cluster.forceGone(() -> {
      cluster.delete(ResourceKind.POD, "default", "a");
      cluster.update(ResourceKind.POD, pod("default", "b", "nginx:1.28"));
      cluster.create(ResourceKind.POD, pod("default", "d", "nginx:1.27"));
    });

    await("relist", WAIT, () -> events.size() == 7);
    assertThat(events.subList(3, 7)).containsExactlyInAnyOrder(
        "delete a unknown", "update b nginx:1.27 -> nginx:1.28", "update c nginx:1.27 -> nginx:1.27",
        "add d nginx:1.27");
    assertThat(server.requests()).anyMatch(r -> !r.isWatch() && r.resourceVersion().isEmpty());
  }

  @Test
  void shouldRelistWithoutDuplicatesWhenHistoryExpiresWithNothingChanged() {
    server.clearRequests();

    server.cluster().expireHistory();

    await("relist", WAIT, () -> events.size() == 6);
    assertThat(events.subList(3, 6)).as("unchanged pods come back as no-op updates")
        .containsExactlyInAnyOrder("update a nginx:1.27 -> nginx:1.27", "update b nginx:1.27 -> nginx:1.27",
            "update c nginx:1.27 -> nginx:1.27");
    assertThat(server.requests()).anyMatch(r -> !r.isWatch() && r.resourceVersion().isEmpty());
  }

  @Test
  void shouldMoveResourceVersionOnWhenBookmarksArrive() throws InterruptedException {
    // A change to another kind moves the global revision; the pod watch learns it only from bookmarks.
    server.cluster().create(ResourceKind.NAMESPACE, TestObjects.namespace("other"));
    String newest = Long.toString(server.cluster().resourceVersion());
    server.clearRequests();

    Thread.sleep(1_500); // several bookmark intervals
    server.closeAllWatches();
    await("watch resumed", WAIT, () -> server.requests().stream().anyMatch(RecordedRequest::isWatch));

    assertThat(server.requests().get(0).resourceVersion()).isEqualTo(newest);
  }

  private final class Recorder implements ResourceEventHandler<V1Pod> {
    @Override
    public void onAdd(V1Pod pod) {
      events.add("add " + pod.getMetadata().getName() + " " + image(pod));
    }

    @Override
    public void onUpdate(V1Pod before, V1Pod after) {
      events.add("update " + after.getMetadata().getName() + " " + image(before) + " -> " + image(after));
    }

    @Override
    public void onDelete(V1Pod pod, boolean finalStateUnknown) {
      events.add("delete " + pod.getMetadata().getName() + (finalStateUnknown ? " unknown" : " known"));
    }

    private String image(V1Pod pod) {
      return pod.getSpec().getContainers().get(0).getImage();
    }
  }
}
