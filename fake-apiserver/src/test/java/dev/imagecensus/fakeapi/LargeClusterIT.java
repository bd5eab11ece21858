package dev.imagecensus.fakeapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.util.ClientBuilder;
import java.util.AbstractList;
import java.util.HashSet;
import java.util.Set;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * A 50,000-pod cluster seeded from pre-serialised JSON, listed in pages of 500 through the
 * official client's calls. Items are read with Jackson: the stock models would take most of the
 * test budget to decode them (speed belongs to the benchmarks).
 */
class LargeClusterIT {

  private static final int PODS = 50_000;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void shouldListEveryPodWhenFiftyThousandAreSeededAndPagedBy500() throws Exception {
    FakeCluster cluster = new FakeCluster();
    byte[] template = TestObjects.podBytes("NAMESPACE", "NAME", "registry.example.com/app:1.0");
    int seeded = cluster.seed(ResourceKind.POD, new AbstractList<byte[]>() {
      @Override
      public byte[] get(int i) {
        return new String(template).replace("NAMESPACE", "ns-" + i % 50).replace("NAME", "pod-" + i).getBytes();
      }

      @Override
      public int size() {
        return PODS;
      }
    });

    Set<String> names = new HashSet<>();
    int pages = 0;
    try (FakeApiServer server = FakeApiServer.builder().cluster(cluster).start()) {
      ApiClient client = new ClientBuilder().setBasePath(server.url()).build();
      CoreV1Api api = new CoreV1Api(client);
      String token = null;
      do {
        try (Response response = api.listPodForAllNamespaces().limit(500)._continue(token).buildCall(null).execute()) {
          token = readPage(response, names);
          pages++;
        }
      } while (token != null);
    }

    assertThat(seeded).isEqualTo(PODS);
    assertThat(pages).isEqualTo(PODS / 500);
    assertThat(names).hasSize(PODS);
  }

  /** Streams one page: collects namespace/name of each item, returns the continue token or null. */
  private static String readPage(Response response, Set<String> names) throws Exception {
    assertThat(response.code()).isEqualTo(200);
    String token = null;
    try (JsonParser p = MAPPER.createParser(response.body().byteStream())) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("metadata")) {
          JsonNode meta = MAPPER.readTree(p);
          token = meta.path("continue").asText(null);
        } else if (field.equals("items")) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            JsonNode meta = MAPPER.<JsonNode>readTree(p).path("metadata");
            names.add(meta.path("namespace").asText() + "/" + meta.path("name").asText());
          }
        } else {
          p.skipChildren();
        }
      }
    }
    return token;
  }
}
