package dev.imagecensus.aggregator.http;

import static dev.imagecensus.aggregator.Samples.classified;
import static dev.imagecensus.aggregator.Samples.image;
import static dev.imagecensus.aggregator.Samples.namespaces;
import static dev.imagecensus.aggregator.Samples.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imagecensus.aggregator.MissingTagPolicy;
import dev.imagecensus.aggregator.domain.Fips;
import dev.imagecensus.aggregator.domain.ImageState;
import dev.imagecensus.aggregator.metrics.AggregatorMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP port over an in-memory inventory: routes, probes, status codes, the local flag. */
class HttpApiTest {

    private static final String NGINX = ref("nginx:1.27");
    private static final String ALPINE = ref("alpine@sha256:" + "b".repeat(64));

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T04:54:28Z"), ZoneOffset.UTC);
    private final AtomicReference<State> state = new AtomicReference<>(State.REBALANCING);
    private final FakeInventory inventory = new FakeInventory();
    private final AggregatorMetrics metrics = AggregatorMetrics.create(clock);
    private final HttpApi api = HttpApi.start(new HttpApi.Options(0, "prod", MissingTagPolicy.DIGEST, "UNKNOWN"),
            inventory, state::get, metrics, clock);
    private final HttpClient http = HttpClient.newHttpClient();

    /** Images held in memory; records whether each call was local. */
    private static final class FakeInventory implements InventorySource {
        final List<ImageView> images = new ArrayList<>();
        final List<Boolean> localCalls = new ArrayList<>();
        RuntimeException failure;

        @Override
        public List<ImageView> images(ImageFilter filter, boolean localOnly) {
            localCalls.add(localOnly);
            if (failure != null) {
                throw failure;
            }
            return images.stream().filter(filter).toList();
        }

        @Override
        public Optional<ImageView> image(String image, boolean localOnly) {
            localCalls.add(localOnly);
            return images.stream().filter(i -> i.image().equals(image)).findFirst();
        }

        @Override
        public List<WorkloadView> workloads(WorkloadFilter filter, boolean localOnly) {
            return List.of();
        }
    }

    @AfterEach
    void close() {
        api.close();
        metrics.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body());
    }

    private void given(String image, ImageState state) {
        inventory.images.add(ImageView.of(ref(image), state));
    }

    @Test
    void shouldBeReadyOnlyWhenStreamsIsRunning() throws Exception {
        assertThat(get("/readyz").statusCode()).isEqualTo(503);
        assertThat(get("/healthz").statusCode()).isEqualTo(200);

        state.set(State.RUNNING);
        assertThat(get("/readyz").statusCode()).isEqualTo(200);

        state.set(State.ERROR);
        assertThat(get("/healthz").statusCode()).isEqualTo(503);
    }

    @Test
    void shouldFilterImagesWhenQueryParametersAreGiven() throws Exception {
        given("nginx:1.27", image("nginx:1.27", namespaces("web", 2), classified("nginx:1.27", "debian", "12", Fips.NOT_DETECTED, "AVAILABLE")));
        given("redis:7", image("redis:7", namespaces("cache", 1), null));

        assertThat(json("/api/images").get("count").asInt()).isEqualTo(2);
        JsonNode pending = json("/api/images?availability=UNCLASSIFIED");
        assertThat(pending.get("images")).extracting(n -> n.get("familiar").asText()).containsExactly("redis:7");
        assertThat(pending.get("fipsNote").asText()).contains("host kernel");
        assertThat(json("/api/images?namespace=web&distro=debian").get("count").asInt()).isEqualTo(1);
        assertThat(inventory.localCalls).containsOnly(false);
    }

    @Test
    void shouldFindAnImageByAnySpellingWhenLookedUp() throws Exception {
        given("nginx:1.27", image("nginx:1.27", 1, null));

        assertThat(json("/api/images/" + PeerClient.segment(NGINX)).get("image").asText()).isEqualTo(NGINX);
        assertThat(json("/api/images/nginx:1.27").get("containers").asInt()).isEqualTo(1);
        assertThat(get("/api/images/" + PeerClient.segment(ref("nginx:9"))).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldAnswerFromLocalStoresOnlyWhenForwarded() throws Exception {
        json("/api/images?local=true");
        assertThat(get("/api/images/redis:7?local=true").statusCode()).isEqualTo(404);

        assertThat(inventory.localCalls).containsExactly(true, true);
    }

    @Test
    void shouldAnswerServiceUnavailableWhenTheAnswerWouldBeIncomplete() throws Exception {
        inventory.failure = new QueryUnavailableException("instance b:8080 unreachable");

        HttpResponse<String> response = get("/api/images");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("b:8080 unreachable");
    }

    @Test
    void shouldApplyTheMissingTagPolicyOfTheRequestOrTheConfiguredDefault() throws Exception {
        given("alpine@sha256:" + "b".repeat(64), image("alpine@sha256:" + "b".repeat(64), 1, null));

        assertThat(json("/api/inventory").get("results").get(0).get("images").get(0).get("tag").asText())
                .isEqualTo("alpine:" + "b".repeat(64));
        assertThat(json("/api/inventory?missing-tag-policy=insert&missing-tag=NONE").get("results").get(0)
                .get("images").get(0).get("tag").asText()).isEqualTo("alpine:NONE");
        assertThat(json("/api/inventory?missing-tag-policy=drop").get("results")).isEmpty();
        assertThat(json("/api/inventory").get("cluster_name").asText()).isEqualTo("prod");
        assertThat(get("/api/inventory?missing-tag-policy=guess").statusCode()).isEqualTo(400);
        assertThat(ALPINE).startsWith("docker.io/library/alpine@");
    }

    @Test
    void shouldServeMetricsThePageAndNothingElse() throws Exception {
        metrics.inventory().onImageState(NGINX, null, image("nginx:1.27", 3, null));

        HttpResponse<String> scrape = get("/metrics");
        assertThat(scrape.headers().firstValue("Content-Type")).contains(AggregatorMetrics.TEXT_FORMAT);
        assertThat(scrape.body()).contains("container_image_count{image=\"nginx:1.27\"} 3\n",
                "# TYPE container_image_count untyped", "imagecensus_image_info{", "jvm_memory_used_bytes");
        assertThat(get("/").body()).contains("<title>image-census</title>", "api/images");
        assertThat(get("/nope").statusCode()).isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/images"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(405);
    }

    @Test
    void shouldServeOnlyTheNamedFamiliesWhenAskedWithNameParameters() throws Exception {
        metrics.inventory().onImageState(NGINX, null, image("nginx:1.27", 3, null));

        String body = get("/metrics?name[]=container_image_count&name%5B%5D=jvm_memory_used_bytes").body();

        assertThat(body).contains("container_image_count{image=\"nginx:1.27\"} 3\n", "jvm_memory_used_bytes{")
                .doesNotContain("imagecensus_image_info", "imagecensus_enrichment_lag_seconds", "jvm_threads_live_threads");
        assertThat(get("/metrics").body()).contains("imagecensus_image_info{", "imagecensus_enrichment_lag_seconds");
    }
}
