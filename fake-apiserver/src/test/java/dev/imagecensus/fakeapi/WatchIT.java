package dev.imagecensus.fakeapi;

import static dev.imagecensus.fakeapi.TestObjects.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.Watch;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Call;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official client's plain Watch API (and its raw HTTP call) against the fake server. */
class WatchIT {

  private FakeApiServer server;
  private ApiClient client;
  private CoreV1Api api;

  @BeforeEach
  void start() throws Exception {
    server = FakeApiServer.builder().bookmarkInterval(Duration.ofMillis(200)).start();
    client = new ClientBuilder().setBasePath(server.url()).build();
    api = new CoreV1Api(client);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void shouldReplayChangesInOrderWhenWatchingFromOldResourceVersion() throws Exception {
    FakeCluster cluster = server.cluster();
    cluster.create(ResourceKind.POD, pod("default", "a", "nginx"));
    String from = Long.toString(cluster.resourceVersion());
    cluster.create(ResourceKind.POD, pod("default", "b", "nginx"));
    cluster.update(ResourceKind.POD, pod("default", "a", "nginx:2"));
    cluster.delete(ResourceKind.POD, "default", "b");

    List<String> seen = drain(watch(from, false, 1));

    assertThat(seen).containsExactly(
        "ADDED b " + (Long.parseLong(from) + 1),
        "MODIFIED a " + (Long.parseLong(from) + 2),
        "DELETED b " + (Long.parseLong(from) + 3));
  }

  @Test
  void shouldSendBookmarksOnlyWhenAskedFor() throws Exception {
    String now = Long.toString(server.cluster().resourceVersion());

    List<String> with = drain(watch(now, true, 1));
    long started = System.nanoTime();
    List<String> without = drain(watch(now, false, 1));

    assertThat(with).isNotEmpty().allMatch(e -> e.equals("BOOKMARK null " + now));
    assertThat(without).as("nothing happened, nothing sent").isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("timeoutSeconds honoured")
        .isBetween(Duration.ofMillis(900), Duration.ofSeconds(10));
  }

  @Test
  void shouldSendGoneErrorWhenResourceVersionIsOlderThanHistory() throws Exception {
    FakeCluster cluster = server.cluster();
    cluster.create(ResourceKind.POD, pod("default", "a", "nginx"));
    String old = Long.toString(cluster.resourceVersion());
    cluster.create(ResourceKind.POD, pod("default", "b", "nginx"));
    cluster.expireHistory();

    try (Watch<V1Pod> watch = watch(old, false, 30)) {
      Watch.Response<V1Pod> first = watch.next();

      assertThat(first.type).isEqualTo("ERROR");
      assertThat(first.status.getCode()).isEqualTo(410);
      assertThat(first.status.getReason()).isEqualTo("Expired");
      assertThat(watch.hasNext()).as("stream ends after the error").isFalse();
    }
  }

  @Test
  void shouldTurnLabelChangesIntoAddsAndDeletesWhenWatchingWithSelector() throws Exception {
    FakeCluster cluster = server.cluster();
    String from = Long.toString(cluster.resourceVersion());
    cluster.create(ResourceKind.POD, pod("default", "a", "nginx", "app", "db"));
    cluster.update(ResourceKind.POD, pod("default", "a", "nginx", "app", "web"));
    cluster.update(ResourceKind.POD, pod("default", "a", "nginx:2", "app", "web"));
    cluster.update(ResourceKind.POD, pod("default", "a", "nginx:2", "app", "db"));

    Call call = api.listNamespacedPod("default").labelSelector("app=web").watch(true)
        .resourceVersion(from).timeoutSeconds(1).buildCall(null);
    List<String> seen = drain(Watch.createWatch(client, call, new TypeToken<Watch.Response<V1Pod>>() {}.getType()));

    assertThat(seen).extracting(s -> s.substring(0, s.indexOf(' '))).containsExactly("ADDED", "MODIFIED", "DELETED");
  }

  @Test
  void shouldServeUnknownFieldsThatTheGeneratedModelsReject() throws Exception {
    // A pod from a cluster newer than the client: fields its models do not know.
    String future = """
        {"metadata":{"name":"future","namespace":"default"},
         "spec":{"containers":[{"name":"main","image":"nginx","futureField":true}],"hostLeases":2},
         "status":{"phase":"Running","newCondition":{"x":1}}}""";
    String from = Long.toString(server.cluster().resourceVersion());
    server.cluster().create(ResourceKind.POD, future);

    // The stock models refuse it (PITFALLS: the watcher must decode leniently) ...
    assertThatThrownBy(() -> api.listPodForAllNamespaces().execute())
        .hasMessageContaining("futureField");
    // ... but the server serves it on list and watch, through the official client's own HTTP calls.
    JsonNode list = rawJson(api.listPodForAllNamespaces().buildCall(null));
    Call watchCall = client.getHttpClient().newCall(api.listPodForAllNamespaces().watch(true)
        .resourceVersion(from).timeoutSeconds(1).buildCall(null).request());
    List<JsonNode> lines = new ArrayList<>();
    try (Response response = watchCall.execute();
         BufferedReader reader = new BufferedReader(new InputStreamReader(response.body().byteStream(),
             StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(new ObjectMapper().readTree(line));
      }
    }

    assertThat(list.at("/items/0/spec/hostLeases").asInt()).isEqualTo(2);
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).at("/object/spec/containers/0/futureField").asBoolean()).isTrue();
    assertThat(lines.get(0).at("/object/status/newCondition/x").asInt()).isEqualTo(1);
  }

  private Watch<V1Pod> watch(String resourceVersion, boolean bookmarks, int timeoutSeconds) throws Exception {
    Call call = api.listPodForAllNamespaces().watch(true).resourceVersion(resourceVersion)
        .allowWatchBookmarks(bookmarks).timeoutSeconds(timeoutSeconds).buildCall(null);
    return Watch.createWatch(client, call, new TypeToken<Watch.Response<V1Pod>>() {}.getType());
  }

  /** Reads a watch to its end: "TYPE name resourceVersion" per event. */
  private static List<String> drain(Watch<V1Pod> watch) throws Exception {
    List<String> seen = new ArrayList<>();
    try (watch) {
      while (watch.hasNext()) {
        Watch.Response<V1Pod> e = watch.next();
        seen.add(e.type + " " + e.object.getMetadata().getName() + " " + e.object.getMetadata().getResourceVersion());
      }
    }
    return seen;
  }

  private JsonNode rawJson(Call call) throws Exception {
    try (Response response = client.getHttpClient().newCall(call.request()).execute()) {
      return new ObjectMapper().readTree(response.body().string());
    }
  }
}
