package dev.imagecensus.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagecensus.app.demo.DemoImages;
import dev.imagecensus.embedded.junit.DockerRegistryExtension;
import dev.imagecensus.embedded.kafka.FreePorts;
import dev.imagecensus.embedded.oci.DockerRegistryProcess;
import dev.imagecensus.schemas.reference.ImageReference;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code image-census inventory --url ...} against a real running aggregator: {@code local --demo} in this JVM
 * (broker, registry, watcher, enricher, aggregator) on the demo cluster with its images in a real docker-registry.
 */
@ExtendWith(DockerRegistryExtension.class)
class InventoryRemoteIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldReportTheAggregatorsInventoryWhenOneRuns(DockerRegistryProcess registry, @TempDir Path dataDir)
            throws Exception {
        // Given a running pipeline with the demo cluster's images, all classified
        DemoImages images = DemoImages.inRegistry(registry.host());
        Map<String, Integer> truth = DemoGroundTruth.containersPerImage(images);
        String httpPort = String.valueOf(FreePorts.pick());
        String base = "http://127.0.0.1:" + httpPort;
        try (InProcessCommand local = InProcessCommand.start("local", "--demo", "--demo-registry", registry.host(),
                "--demo-churn", "PT0S", "--kafka-port", String.valueOf(FreePorts.pick()),
                "--registry-port", String.valueOf(FreePorts.pick()), "--http-port", httpPort,
                "--data-dir", dataDir.toString())) {
            JsonNode api = awaitClassified(base + "/api/images", truth, Duration.ofSeconds(90));
            Map<String, JsonNode> byImage = new HashMap<>();
            api.path("images").forEach(i -> byImage.put(i.path("image").asText(), i));

            // When the inventory is asked for as JSON (workloads may trail images by a commit: ask until they agree)
            JsonNode report = JSON.readTree(InProcessCommand.output("inventory", "--url", base, "-o", "json"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!counts(report, truth).equals(truth) && System.nanoTime() < deadline) {
                Thread.sleep(500);
                report = JSON.readTree(InProcessCommand.output("inventory", "--url", base, "-o", "json"));
            }

            // Then its images and container counts are the aggregator's, each container classified like its image
            assertThat(counts(report, truth)).isEqualTo(truth);
            for (JsonNode row : report.path("containers")) {
                JsonNode image = byImage.get(row.path("reference").asText());
                if (image == null) {
                    assertThat(row.path("existence").asText()).as(row.toString()).isEqualTo("BAD_IMAGE_FORMAT");
                    continue;
                }
                assertThat(row.path("distro").asText()).as(row.toString()).isEqualTo(image.path("distro").asText());
                assertThat(row.path("fips").asText()).as(row.toString()).isEqualTo(image.path("fips").asText());
                assertThat(row.path("existence").asText()).isEqualTo(image.path("availability").asText());
            }
            assertThat(reportedImage(report, images.reference(DemoImages.Slot.PAYMENTS_FIPS)).path("fips").asText())
                    .isEqualTo("ENFORCED");
            assertThat(reportedImage(report, images.reference(DemoImages.Slot.LEGACY)).path("existence").asText())
                    .isEqualTo("ABSENT");

            // When asked for a table without one namespace, Then a row per workload container, aligned, none from it
            String namespace = report.path("containers").get(0).path("namespace").asText();
            String table = InProcessCommand.output("inventory", "--url", base, "--namespace-exclude", namespace);
            assertThat(table).startsWith("NAMESPACE ").contains("WORKLOAD", "BASE OS", "FIPS", "EXISTENCE", "PODS")
                    .doesNotContain("\n" + namespace + " ").contains("images, from " + base);
            assertThat(local.stop()).isZero();
        }
    }

    /** Containers per canonical reference in the report, over the images the aggregator lists. */
    private static Map<String, Integer> counts(JsonNode report, Map<String, Integer> truth) {
        Map<String, Integer> reported = new TreeMap<>();
        report.path("images").forEach(i -> reported.put(i.path("reference").asText(), i.path("containers").asInt()));
        reported.keySet().retainAll(truth.keySet()); // an invalid reference has workload rows but no image
        return reported;
    }

    private static JsonNode reportedImage(JsonNode report, String reference) {
        String canonical = ImageReference.parse(reference).canonical();
        return StreamSupport.stream(report.path("images").spliterator(), false)
                .filter(i -> i.path("reference").asText().equals(canonical)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + canonical + " in " + report));
    }

    /** Polls until the answer is 200 and lists the images of {@code truth}, all classified; fails with the last answer. */
    private JsonNode awaitClassified(String url, Map<String, Integer> truth, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString());
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200) {
                    JsonNode body = JSON.readTree(response.body());
                    Map<String, Integer> counts = new TreeMap<>();
                    body.path("images").forEach(i -> counts.put(i.path("image").asText(), i.path("containers").asInt()));
                    if (counts.equals(truth) && StreamSupport.stream(body.path("images").spliterator(), false)
                            .allMatch(i -> i.path("classified").asBoolean())) {
                        return body;
                    }
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError(url + " not all classified within " + timeout + "; last answer: " + last);
    }
}
