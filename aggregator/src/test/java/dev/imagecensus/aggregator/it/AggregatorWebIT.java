package dev.imagecensus.aggregator.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imagecensus.aggregator.Aggregator;
import dev.imagecensus.aggregator.AggregatorConfig;
import dev.imagecensus.embedded.junit.ClusterFeed;
import dev.imagecensus.embedded.junit.StackExtension;
import dev.imagecensus.embedded.junit.TestStack;
import dev.imagecensus.embedded.kafka.FreePorts;
import dev.imagecensus.schemas.TopicLayout;
import dev.imagecensus.schemas.Topics;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.FipsStatus;
import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One aggregator against the real broker and registry, seen from outside through its HTTP port: probes, a
 * {@code /metrics} scrape checked by Debian's {@code promtool}, the API, and the page in headless Chromium.
 */
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AggregatorWebIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final String ALPINE = "alpine@sha256:" + "4ed1812024ed78962a34727137627e8854a3b414d19e2c35a1dc727a47e16fba";
    static final String UBI = "registry.access.redhat.com/ubi9/ubi-minimal:9.4";

    private Path stateDir;
    private Aggregator aggregator;
    private HttpProbe http;
    private HttpResponse<String> readyBeforeRunning;

    @BeforeAll
    void start(TestStack stack) throws Exception {
        // Given the product's topics under unique names and an aggregator with its HTTP port
        String id = stack.uniqueId("aggregator-web-it");
        UnaryOperator<Topics.Builder> names = b -> b.suffix("-" + id);
        TopicLayout.all(2).forEach(t -> stack.createTopic(t.name() + "-" + id, 2, t.configs()));
        int port = FreePorts.pick();
        stateDir = Files.createTempDirectory("aggregator-web-it");
        AggregatorConfig config = AggregatorConfig.builder().applicationId(id).bootstrapServers(stack.bootstrapServers())
                .schemaRegistryUrl(stack.schemaRegistryUrl()).stateDir(stateDir).httpPort(port)
                .applicationServer("127.0.0.1:" + port).clusterName("it-cluster")
                .kafkaProperty("commit.interval.ms", "100").build();

        aggregator = Aggregator.start(config, names);
        http = new HttpProbe(aggregator.httpPort());
        readyBeforeRunning = http.get("/readyz");
        http.await("/readyz", body -> true, TIMEOUT);

        // When the cluster runs six containers of five images, four of them classified
        try (SchemaRegistryClient client = HttpSchemaRegistryClient.fromConfig(config.registryClientProperties());
             ClusterFeed feed = new ClusterFeed(stack.bootstrapServers(), names.apply(Topics.builder(client)).build())) {
            feed.added("default", "web-1", "Deployment", "web", "nginx:1.27");
            feed.added("default", "web-2", "Deployment", "web", "nginx:1.27");
            feed.added("pay", "pay-0", "StatefulSet", "pay", UBI);
            feed.added("pay", "gw-7d9f-x2", "Deployment", "gw", "cgr.dev/chainguard/go-fips:1.22");
            feed.added("kube-system", "agent-x1", "DaemonSet", "agent", ALPINE);
            feed.added("batch", "report-29-abc", "CronJob", "report", "redis:7");
            feed.classified("nginx:1.27", "debian", "12", FipsStatus.NOT_DETECTED, Existence.AVAILABLE);
            feed.classified(UBI, "rhel", "9.4", FipsStatus.CAPABLE, Existence.AVAILABLE);
            feed.classified("cgr.dev/chainguard/go-fips:1.22", "wolfi", "20230201", FipsStatus.ENFORCED, Existence.AVAILABLE);
            feed.classified(ALPINE, "alpine", "3.20", FipsStatus.NOT_DETECTED, Existence.ABSENT);
        }
        http.awaitJson("/api/images", json -> json.get("count").asInt() == 5
                && json.get("images").findValues("classified").stream().filter(JsonNode::asBoolean).count() == 4, TIMEOUT);
        // Workloads come through another hop (the FIPS roll-up): wait for it too.
        http.awaitJson("/api/workloads", json -> json.get("count").asInt() == 5
                && json.get("workloads").findValues("fips").stream().filter(f -> f.asText().equals("ENABLED")).count() == 2,
                TIMEOUT);
    }

    @AfterAll
    void stop() {
        if (aggregator != null) {
            aggregator.close();
        }
    }

    @Test
    void shouldBeReadyOnlyOnceStreamsIsRunning() {
        assertThat(readyBeforeRunning.statusCode()).as("right after start: %s", readyBeforeRunning.body()).isEqualTo(503);
        assertThat(readyBeforeRunning.body()).doesNotContain("RUNNING");
        assertThat(http.get("/readyz").statusCode()).isEqualTo(200);
        assertThat(http.get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldPassPromtoolAndCarryTheSeedNamesWhenScraped() throws Exception {
        // When Prometheus scrapes (the Kafka Streams meters included)
        String scrape = http.await("/metrics", body -> body.contains("kafka_stream_thread_"), TIMEOUT);

        // Then Prometheus' own linter accepts the whole output
        Tools.Result lint = Tools.promtoolCheckMetrics(scrape);
        assertThat(lint.exitCode()).as("promtool check metrics:%n%s", lint.all()).isZero();

        // And the seeds' series have the right values
        Map<String, Double> series = HttpProbe.series(scrape);
        assertThat(series).containsEntry("container_image_count{image=\"nginx:1.27\"}", 2.0)
                .containsEntry("container_image_count{image=\"redis:7\"}", 1.0)
                .containsEntry("workload_fips_enabled{namespace=\"pay\",pod=\"pay-0\"}", 1.0)
                .containsEntry("workload_fips_enabled{namespace=\"default\",pod=\"web-1\"}", 0.0)
                .containsEntry("k8s_image_existence_exporter_deployment_image_exists{container=\"app\",image=\"nginx:1.27\","
                        + "namespace=\"default\",owner_name=\"web\"}", 1.0)
                .containsEntry("k8s_image_existence_exporter_statefulset_image_exists{container=\"app\",image=\"" + UBI
                        + "\",namespace=\"pay\",owner_name=\"pay\"}", 1.0)
                .containsEntry("k8s_image_existence_exporter_daemonset_image_exists{container=\"app\",image=\"" + ALPINE
                        + "\",namespace=\"kube-system\",owner_name=\"agent\"}", 0.0)
                .containsEntry("imagecensus_fips_containers{fips=\"UNCLASSIFIED\"}", 1.0)
                .containsEntry("imagecensus_distro_containers{distro=\"debian\",distro_version=\"12\"}", 2.0)
                .containsEntry("imagecensus_availability_images{availability=\"ABSENT\"}", 1.0)
                .containsEntry("imagecensus_fips_workloads{fips=\"ENABLED\"}", 2.0)
                .containsEntry("imagecensus_unclassified_images", 1.0);
        // The unclassified CronJob's image has no existence series yet: no false "absent" alert.
        assertThat(series.keySet()).noneMatch(s -> s.startsWith("k8s_image_existence_exporter_cronjob_image_exists"));
        assertThat(series.keySet().stream().filter(s -> s.startsWith("imagecensus_image_info{"))).hasSize(5);
        assertThat(series.get("imagecensus_enrichment_lag_seconds")).isPositive();
    }

    @Test
    void shouldAnswerTheApiWhenQueried() throws Exception {
        JsonNode fips = http.awaitJson("/api/images?fips=capable,enforced", json -> true, TIMEOUT);
        assertThat(fips.get("images")).extracting(n -> n.get("familiar").asText())
                .containsExactly("cgr.dev/chainguard/go-fips:1.22", UBI);

        JsonNode ubi = http.awaitJson("/api/images/" + java.net.URLEncoder.encode(UBI, "UTF-8"), json -> true, TIMEOUT);
        assertThat(ubi.get("distro").asText()).isEqualTo("rhel");
        assertThat(ubi.get("fipsNote").asText()).contains("host kernel");

        JsonNode kai = http.awaitJson("/api/inventory?missing-tag-policy=insert", json -> true, TIMEOUT);
        assertThat(kai.get("cluster_name").asText()).isEqualTo("it-cluster");
        assertThat(kai.get("results").findValues("tag")).extracting(JsonNode::asText).contains("alpine:UNKNOWN", "nginx:1.27");

        JsonNode workloads = http.awaitJson("/api/workloads?kind=StatefulSet", json -> true, TIMEOUT);
        assertThat(workloads.get("workloads")).singleElement().satisfies(w -> assertThat(w.get("fips").asText()).isEqualTo("ENABLED"));
    }

    @Test
    void shouldShowTheImagesInTheTableWhenThePageIsLoadedInChromium() throws Exception {
        String url = "http://127.0.0.1:" + aggregator.httpPort() + "/";
        Path screenshot = Path.of("target", "aggregator-page.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);

        Tools.Result dom = Tools.chromium(url, Files.createTempDirectory(stateDir, "chromium-dom"), null);
        Tools.Result shot = Tools.chromium(url, Files.createTempDirectory(stateDir, "chromium-shot"), screenshot);

        assertThat(dom.exitCode()).as(dom.all()).isZero();
        String tbody = dom.output().substring(Math.max(0, dom.output().indexOf("<tbody>")));
        assertThat(tbody).contains("<td class=\"image\" title=\"docker.io/library/nginx:1.27\">nginx:1.27</td>", UBI, "redis:7",
                "cgr.dev/chainguard/go-fips:1.22", "UNCLASSIFIED", "ABSENT");
        assertThat(dom.output()).contains("<span id=\"status\">updated ", "<b id=\"t-images\">5</b>", "host kernel");
        assertThat(shot.exitCode()).as(shot.all()).isZero();
        assertThat(Files.size(screenshot)).as("screenshot %s", screenshot).isGreaterThan(10_000);
    }
}
