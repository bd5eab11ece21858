package dev.imagecensus.fakeapi;

import static dev.imagecensus.fakeapi.TestObjects.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.BatchV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.util.ClientBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official client's LIST calls against the fake server: paging, selectors, other kinds, GET. */
class ListIT {

  private static FakeApiServer server;
  private static CoreV1Api core;
  private static ApiClient client;

  @BeforeAll
  static void start() throws Exception {
    FakeCluster cluster = new FakeCluster();
    List<byte[]> pods = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      pods.add(pod("ns-" + (i % 5), "pod-" + i, "nginx", "app", i % 2 == 0 ? "web" : "db").getBytes());
    }
    cluster.seed(ResourceKind.POD, pods);
    server = FakeApiServer.builder().cluster(cluster).start();
    client = new ClientBuilder().setBasePath(server.url()).build();
    core = new CoreV1Api(client);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void shouldPageThroughAllPodsWhenListingWithLimitAndContinue() throws ApiException {
    // Given a first page
    V1PodList page = core.listPodForAllNamespaces().limit(500).execute();
    String listVersion = page.getMetadata().getResourceVersion();
    Set<String> seen = new HashSet<>();
    List<Long> remaining = new ArrayList<>();
    int pages = 1;
    page.getItems().forEach(p -> seen.add(p.getMetadata().getNamespace() + "/" + p.getMetadata().getName()));
    // When the cluster changes mid-way and the client follows the continue tokens
    server.cluster().create(ResourceKind.POD, pod("ns-0", "late-arrival", "nginx"));
    while (page.getMetadata().getContinue() != null) {
      remaining.add(page.getMetadata().getRemainingItemCount());
      page = core.listPodForAllNamespaces().limit(500)._continue(page.getMetadata().getContinue()).execute();
      pages++;
      assertThat(page.getMetadata().getResourceVersion()).isEqualTo(listVersion);
      page.getItems().forEach(p -> seen.add(p.getMetadata().getNamespace() + "/" + p.getMetadata().getName()));
    }
    // Then every pod came exactly once, from one consistent snapshot
    assertThat(pages).isEqualTo(5);
    assertThat(seen).hasSize(2_500).doesNotContain("ns-0/late-arrival");
    assertThat(remaining).containsExactly(2_000L, 1_500L, 1_000L, 500L);
    assertThat(page.getItems().get(0).getKind()).as("list items carry no kind, as on a real server").isNull();
    server.cluster().delete(ResourceKind.POD, "ns-0", "late-arrival");
  }

  @Test
  void shouldAnswerGoneWhenContinueTokenHasExpired() throws ApiException {
    V1PodList first = core.listPodForAllNamespaces().limit(100).execute();

    server.cluster().expireHistory();

    assertThatThrownBy(() -> core.listPodForAllNamespaces().limit(100)._continue(first.getMetadata().getContinue())
        .execute())
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.getCode()).isEqualTo(410);
          assertThat(e.getResponseBody()).contains("\"reason\":\"Expired\"");
        });
  }

  @Test
  void shouldFilterWhenListingOneNamespaceWithSelectors() throws ApiException {
    V1PodList web = core.listNamespacedPod("ns-1").labelSelector("app=web").execute();
    V1PodList db = core.listNamespacedPod("ns-1").labelSelector("app in (db)").limit(100).execute();
    V1PodList one = core.listNamespacedPod("ns-1").fieldSelector("metadata.name=pod-1").execute();

    assertThat(web.getItems()).hasSize(250).allMatch(p -> p.getMetadata().getNamespace().equals("ns-1"))
        .allMatch(p -> p.getMetadata().getLabels().get("app").equals("web"));
    assertThat(db.getItems()).hasSize(100);
    assertThat(db.getMetadata().getRemainingItemCount()).as("no count under a selector").isNull();
    assertThat(one.getItems()).extracting(p -> p.getMetadata().getName()).containsExactly("pod-1");
  }

  @Test
  void shouldReadOnePodAndAnswerNotFoundWhenGettingByName() throws ApiException {
    V1Pod pod = core.readNamespacedPod("pod-3", "ns-3").execute();

    assertThat(pod.getKind()).isEqualTo("Pod");
    assertThat(pod.getSpec().getContainers().get(0).getImage()).isEqualTo("nginx");
    assertThatThrownBy(() -> core.readNamespacedPod("pod-3", "ns-0").execute())
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
  }

  @Test
  void shouldListReplicaSetsJobsAndNamespacesWhenAskedByTheirApis() throws ApiException {
    FakeCluster cluster = server.cluster();
    cluster.create(ResourceKind.REPLICA_SET, TestObjects.replicaSet("ns-0", "web-7d67dc9ff9", "web"));
    cluster.create(ResourceKind.JOB, TestObjects.job("ns-0", "backup-29000000", "backup"));
    cluster.create(ResourceKind.NAMESPACE, TestObjects.namespace("ns-0", "team", "shop"));

    var replicaSets = new AppsV1Api(client).listReplicaSetForAllNamespaces().execute();
    var jobs = new BatchV1Api(client).listNamespacedJob("ns-0").execute();
    var namespaces = core.listNamespace().execute();

    assertThat(replicaSets.getKind()).isEqualTo("ReplicaSetList");
    assertThat(replicaSets.getItems().get(0).getMetadata().getOwnerReferences().get(0).getName()).isEqualTo("web");
    assertThat(jobs.getItems().get(0).getMetadata().getOwnerReferences().get(0).getKind()).isEqualTo("CronJob");
    assertThat(namespaces.getItems().get(0).getMetadata().getLabels())
        .containsEntry("team", "shop").containsEntry("kubernetes.io/metadata.name", "ns-0");
    assertThat(core.readNamespace("ns-0").execute().getStatus().getPhase()).isEqualTo("Active");
  }
}
