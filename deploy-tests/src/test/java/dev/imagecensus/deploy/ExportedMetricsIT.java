package dev.imagecensus.deploy;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The honest check for {@code deploy/}: a real aggregator on the shared broker and registry is scraped, and every
 * metric name the alert rules and the Grafana dashboard select must be in that scrape (or be a documented
 * dependency from elsewhere, such as kube-state-metrics).
 */
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportedMetricsIT {

    /** Series other exporters provide, documented next to the rules that use them. */
    static final Set<String> EXTERNAL = Set.of("kube_namespace_labels");

    private Aggregator aggregator;
    private Set<String> exported;

    @BeforeAll
    void scrape(TestStack stack) throws Exception {
        String id = stack.uniqueId("deploy-metrics-it");
        UnaryOperator<Topics.Builder> names = b -> b.suffix("-" + id);
        TopicLayout.all(2).forEach(t -> stack.createTopic(t.name() + "-" + id, 2, t.configs()));
        int port = FreePorts.pick();
        AggregatorConfig config = AggregatorConfig.builder().applicationId(id).bootstrapServers(stack.bootstrapServers())
                .schemaRegistryUrl(stack.schemaRegistryUrl()).stateDir(Files.createTempDirectory("deploy-metrics-it"))
                .httpPort(port).applicationServer("127.0.0.1:" + port)
                .kafkaProperty("commit.interval.ms", "100").build();
        aggregator = Aggregator.start(config, names);
        try (SchemaRegistryClient client = HttpSchemaRegistryClient.fromConfig(config.registryClientProperties());
             ClusterFeed feed = new ClusterFeed(stack.bootstrapServers(), names.apply(Topics.builder(client)).build())) {
            feed.added("default", "web-1", "Deployment", "web", "nginx:1.27");
            feed.added("pay", "pay-0", "StatefulSet", "pay", "redis:7");
            feed.added("kube-system", "agent-1", "DaemonSet", "agent", "alpine:3.20");
            feed.added("batch", "report-1", "CronJob", "report", "busybox:1.36");
            for (String image : new String[] {"nginx:1.27", "redis:7", "alpine:3.20", "busybox:1.36"}) {
                feed.classified(image, "debian", "12", FipsStatus.NOT_DETECTED, Existence.AVAILABLE);
            }
        }
        String body = awaitScrape(port, s -> Stream.of("deployment", "statefulset", "daemonset", "cronjob")
                .allMatch(kind -> s.contains("k8s_image_existence_exporter_" + kind + "_image_exists{"))
                && s.contains("kafka_consumer_fetch_manager_records_lag_max{"));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "aggregator-scrape.txt"), body);
        exported = namesIn(body);
    }

    @AfterAll
    void stop() {
        if (aggregator != null) {
            aggregator.close();
        }
    }

    @Test
    void shouldSelectOnlyExportedMetricsWhenAlertRulesAreEvaluated() throws Exception {
        Set<String> used = new TreeSet<>();
        RuleFiles.expressions(DeployFiles.path("prometheus", "image-census-rules.yml"))
                .forEach(e -> used.addAll(PromQl.metricNames(e)));
        used.removeAll(EXTERNAL);
        assertThat(exported).containsAll(used);
    }

    @Test
    void shouldSelectOnlyExportedMetricsWhenTheDashboardIsShown() throws Exception {
        Set<String> used = new TreeSet<>();
        Dashboard.expressions(DeployFiles.path("grafana", "image-census.json"))
                .forEach(e -> used.addAll(PromQl.metricNames(e)));
        used.removeAll(EXTERNAL);
        assertThat(used).isNotEmpty();
        assertThat(exported).containsAll(used);
    }

    private static Set<String> namesIn(String scrape) {
        Set<String> names = new TreeSet<>();
        scrape.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
        return names;
    }

    private static String awaitScrape(int port, java.util.function.Predicate<String> done) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();
        Instant deadline = Instant.now().plusSeconds(90);
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            try {
                body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                if (done.test(body)) {
                    return body;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("scrape never complete in 90 s:\n" + body);
    }
}
