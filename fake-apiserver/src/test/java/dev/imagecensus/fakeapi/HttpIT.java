package dev.imagecensus.fakeapi;

import static dev.imagecensus.fakeapi.TestObjects.pod;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wire format seen by any HTTP client: bodies, statuses and the watch stream's lines. */
class HttpIT {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static FakeApiServer server;

  @BeforeAll
  static void start() throws Exception {
    server = FakeApiServer.builder().start();
    server.cluster().create(ResourceKind.POD, pod("default", "web", "nginx"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void shouldOmitTypeMetaFromListItemsButNotFromWatchEvents() throws Exception {
    JsonNode list = MAPPER.readTree(get("/api/v1/namespaces/default/pods").body());
    List<String> lines = get("/api/v1/pods?watch=1&timeoutSeconds=1").body().lines().collect(Collectors.toList());

    assertThat(list.path("kind").asText()).isEqualTo("PodList");
    assertThat(list.path("apiVersion").asText()).isEqualTo("v1");
    assertThat(list.at("/metadata/resourceVersion").asText()).isEqualTo(Long.toString(server.cluster().resourceVersion()));
    assertThat(list.at("/items/0").has("kind")).isFalse();
    assertThat(lines).hasSize(1); // no resourceVersion: the current state as synthetic ADDED events
    assertThat(lines.get(0)).startsWith("{\"type\":\"ADDED\",\"object\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "/api/v1/services,                                  404, NotFound",
      "/api/v1/namespaces/default/pods/nope,              404, NotFound",
      "/api/v1/pods?limit=-1,                             400, BadRequest",
      "/api/v1/pods?limit=ten,                            400, BadRequest",
      "/api/v1/pods?watch=maybe,                          400, BadRequest",
      "/api/v1/pods?labelSelector=app%3D%3D%3Dweb,        400, BadRequest",
      "/api/v1/pods?fieldSelector=spec.image%3Dnginx,     400, BadRequest",
      "/api/v1/pods?continue=garbage,                     400, BadRequest",
      "/api/v1/pods?watch=true&resourceVersion=abc,       400, BadRequest",
  })
  void shouldAnswerWithStatusObjectWhenRequestFails(String path, int code, String reason) throws Exception {
    HttpResponse<String> response = get(path);

    JsonNode status = MAPPER.readTree(response.body());
    assertThat(response.statusCode()).isEqualTo(code);
    assertThat(status.path("kind").asText()).isEqualTo("Status");
    assertThat(status.path("status").asText()).isEqualTo("Failure");
    assertThat(status.path("reason").asText()).isEqualTo(reason);
    assertThat(status.path("code").asInt()).isEqualTo(code);
  }

  @Test
  void shouldServeOtherRequestsWhileWatchesAreOpen() throws Exception {
    var watches = List.of(
        HTTP.sendAsync(request("/api/v1/pods?watch=true&timeoutSeconds=5"), HttpResponse.BodyHandlers.ofString()),
        HTTP.sendAsync(request("/apis/apps/v1/replicasets?watch=true&timeoutSeconds=5"),
            HttpResponse.BodyHandlers.ofString()));
    TestObjects.await("two watches", java.time.Duration.ofSeconds(5), () -> server.openWatches(null) == 2);

    HttpResponse<String> list = get("/api/v1/pods");
    server.closeAllWatches();

    assertThat(list.statusCode()).isEqualTo(200);
    for (var watch : watches) {
      assertThat(watch.get().statusCode()).isEqualTo(200);
    }
  }

  @Test
  void shouldRefuseWritesWhenMethodIsNotGet() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/pods"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(request(path), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create(server.url() + path)).build();
  }
}
