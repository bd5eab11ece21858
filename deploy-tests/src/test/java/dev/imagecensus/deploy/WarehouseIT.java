package dev.imagecensus.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The warehouse path for real: the aggregator on the shared broker and registry turns image events and
 * classifications into image-inventory and image-audit; a Kafka Connect worker runs Debezium's JDBC sink with the
 * configs of {@code deploy/connect} and our {@code AvroConverter} into a throwaway PostgreSQL; SQL must then equal
 * the aggregator's {@code /api/images}, including a row deleted by an inventory tombstone.
 */
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarehouseIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Postgres postgres;
    private Aggregator aggregator;
    private ConnectWorker connect;
    private int httpPort;

    @BeforeAll
    void start(TestStack stack) throws Exception {
        // Given the product's topics under unique names, the aggregator, PostgreSQL and the three sinks
        String id = stack.uniqueId("warehouse-it");
        UnaryOperator<Topics.Builder> names = b -> b.suffix("-" + id);
        TopicLayout.all(2).forEach(t -> stack.createTopic(t.name() + "-" + id, 2, t.configs()));
        httpPort = FreePorts.pick();
        AggregatorConfig config = AggregatorConfig.builder().applicationId(id).bootstrapServers(stack.bootstrapServers())
                .schemaRegistryUrl(stack.schemaRegistryUrl()).stateDir(Files.createTempDirectory("warehouse-it"))
                .httpPort(httpPort).applicationServer("127.0.0.1:" + httpPort)
                .kafkaProperty("commit.interval.ms", "100").build();
        aggregator = Aggregator.start(config, names);
        postgres = Postgres.start();
        connect = ConnectWorker.start(stack.bootstrapServers());
        for (String file : List.of("image-inventory-sink.json", "image-audit-sink.json", "image-events-sink.json")) {
            JsonNode json = JSON.readTree(DeployFiles.path("connect", file).toFile());
            Map<String, String> sink = new TreeMap<>();
            json.get("config").fields().forEachRemaining(e -> sink.put(e.getKey(), e.getValue().asText()));
            sink.put("name", json.get("name").asText());
            sink.put("topics", sink.get("topics") + "-" + id);
            sink.put("connection.url", postgres.jdbcUrl());
            sink.put("connection.username", postgres.user());
            sink.put("connection.password", "");
            sink.put("value.converter.schema.registry.url", stack.schemaRegistryUrl());
            connect.putConnector(json.get("name").asText(), sink);
        }

        // When four pods run three images, all classified, and then the only pod of redis goes away
        try (SchemaRegistryClient client = HttpSchemaRegistryClient.fromConfig(config.registryClientProperties());
             ClusterFeed feed = new ClusterFeed(stack.bootstrapServers(), names.apply(Topics.builder(client)).build())) {
            feed.added("default", "web-1", "Deployment", "web", "nginx:1.27");
            feed.added("default", "web-2", "Deployment", "web", "nginx:1.27");
            feed.added("pay", "pay-0", "StatefulSet", "pay", "registry.access.redhat.com/ubi9/ubi-minimal:9.4");
            feed.added("batch", "report-1", "CronJob", "report", "redis:7");
            feed.classified("nginx:1.27", "debian", "12", FipsStatus.NOT_DETECTED, Existence.AVAILABLE);
            feed.classified("registry.access.redhat.com/ubi9/ubi-minimal:9.4", "rhel", "9.4", FipsStatus.CAPABLE,
                    Existence.AVAILABLE);
            feed.classified("redis:7", "debian", "12", FipsStatus.NOT_DETECTED, Existence.AVAILABLE);
            await(() -> api().get("count").asInt() == 3 && classifiedAll(api()), "three classified images in the API");
            await(() -> count("select count(*) from image_inventory") == 3, "three inventory rows");
            feed.deleted("batch", "report-1", "CronJob", "report", "redis:7");
        }
        await(() -> api().get("count").asInt() == 2, "redis gone from the API");
    }

    @AfterAll
    void stop() throws Exception {
        if (connect != null) {
            connect.close();
        }
        if (aggregator != null) {
            aggregator.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void shouldEqualTheApiWhenTheInventoryIsSunk() throws Exception {
        // Then the warehouse table holds exactly what the API answers, column by column
        await(() -> rows().equals(apiRows()), "image_inventory = /api/images: " + connect.status("image-census-inventory-sink"));

        assertThat(rows()).containsOnlyKeys("docker.io/library/nginx:1.27", "registry.access.redhat.com/ubi9/ubi-minimal:9.4")
                .containsEntry("docker.io/library/nginx:1.27", "2 debian 12 NOT_DETECTED AVAILABLE");
    }

    @Test
    void shouldDeleteTheRowWhenTheImageIsNoLongerUsed() throws Exception {
        await(() -> count("select count(*) from image_inventory where image = 'docker.io/library/redis:7'") == 0,
                "tombstone deleted the redis row");
        await(() -> count("select count(*) from image_audit where image = 'docker.io/library/redis:7'") == 2,
                "ENTERED and LEFT in image_audit");

        try (Connection c = postgres.connect(); ResultSet rs = c.createStatement().executeQuery(
                "select action, namespace, pod from image_audit where image = 'docker.io/library/redis:7' order by at, action")) {
            StringBuilder audit = new StringBuilder();
            while (rs.next()) {
                audit.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(' ').append(rs.getString(3)).append(';');
            }
            assertThat(audit.toString()).isEqualTo("ENTERED batch report-1;LEFT batch report-1;");
        }
    }

    @Test
    void shouldAppendEveryEventButNoTombstoneWhenEventsAreSunk() throws Exception {
        await(() -> count("select count(*) from image_events") == 5, "4 ADDED + 1 DELETED in image_events: "
                + connect.status("image-census-events-sink"));

        assertThat(count("select count(*) from image_events where type = 'DELETED' and pod_name = 'report-1'")).isEqualTo(1);
    }

    @Test
    void shouldRunEveryReadmeQueryWhenTheTablesAreFilled() throws Exception {
        await(() -> count("select count(*) from image_events") == 5, "events sunk");
        String readme = Files.readString(DeployFiles.path("..", "README.md"));
        String section = readme.substring(readme.indexOf("## Query your image history in SQL"));
        section = section.substring(0, section.indexOf("\n## ", 5));
        Matcher blocks = Pattern.compile("```sql\n(.*?)```", Pattern.DOTALL).matcher(section);
        int queries = 0;
        while (blocks.find()) {
            for (String sql : blocks.group(1).split(";")) {
                if (sql.isBlank()) {
                    continue;
                }
                try (Connection c = postgres.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
                    int rows = 0;
                    while (rs.next()) {
                        rows++;
                    }
                    assertThat(rows).as(sql).isPositive();
                    queries++;
                }
            }
        }
        assertThat(queries).isEqualTo(5);
    }

    private Map<String, String> rows() throws SQLException {
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = postgres.connect(); ResultSet rs = c.createStatement().executeQuery(
                "select image, containers, distro_id, distro_version, fips, existence from image_inventory")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getInt(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                        + rs.getString(5) + " " + rs.getString(6));
            }
        } catch (SQLException e) {
            if (!"42P01".equals(e.getSQLState())) {
                throw e;
            }
        }
        return rows;
    }

    private Map<String, String> apiRows() throws Exception {
        Map<String, String> rows = new TreeMap<>();
        for (JsonNode i : api().get("images")) {
            rows.put(i.get("image").asText(), i.get("containers").asInt() + " " + i.path("distro").asText() + " "
                    + i.path("distroVersion").asText() + " " + i.path("fips").asText() + " " + i.path("availability").asText());
        }
        return rows;
    }

    private JsonNode api() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + "/api/images")).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? JSON.readTree(r.body()) : JSON.readTree("{\"count\":-1,\"images\":[]}");
    }

    private static boolean classifiedAll(JsonNode api) {
        return api.get("images").findValues("classified").stream().allMatch(JsonNode::asBoolean);
    }

    private long count(String sql) throws SQLException {
        try (Connection c = postgres.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return -1; // table not created yet by the sink
            }
            throw e;
        }
    }

    private static void await(Callable<Boolean> condition, String what) throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (java.io.IOException e) {
                last = e;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("not within " + TIMEOUT + ": " + what, last);
    }
}
