package dev.imagecensus.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagecensus.app.demo.DemoCluster;
import dev.imagecensus.app.demo.DemoImages;
import dev.imagecensus.embedded.junit.DockerRegistryExtension;
import dev.imagecensus.embedded.kafka.FreePorts;
import dev.imagecensus.embedded.oci.DockerRegistryProcess;
import dev.imagecensus.schemas.reference.ImageReference;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code image-census local --demo} end to end through the CLI, in this JVM: its own broker, registry, fake API
 * server and the three services, with the demo images in a real docker-registry; then a restart on the same data.
 */
@ExtendWith(DockerRegistryExtension.class)
class LocalCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldServeTheDemoClustersInventoryAndKeepItWhenRestartedOnTheSameDataDir(
            DockerRegistryProcess registry, @TempDir Path dataDir) throws Exception {
        // Given the demo's ground truth, counted from the objects of an identically seeded simulated cluster
        DemoImages images = DemoImages.inRegistry(registry.host());
        Map<String, Integer> truth = DemoGroundTruth.containersPerImage(images);
        String[] args = {"local", "--demo", "--demo-registry", registry.host(), "--demo-churn", "PT0S",
                "--kafka-port", String.valueOf(FreePorts.pick()), "--registry-port", String.valueOf(FreePorts.pick()),
                "--http-port", String.valueOf(FreePorts.pick()), "--data-dir", dataDir.toString()};
        String base = "http://127.0.0.1:" + args[args.length - 3];

        // When local --demo runs
        try (Running local = Running.start(args)) {
            await(base + "/readyz", body -> true, Duration.ofSeconds(60));

            // Then the API lists every demo image with its container count, each classified from the registry
            JsonNode api = await(base + "/api/images", body -> counts(body).equals(truth), Duration.ofSeconds(30));
            assertThat(counts(api)).isEqualTo(truth);
            JsonNode classified = await(base + "/api/images", LocalCommandIT::allClassified, Duration.ofSeconds(30));
            assertThat(image(classified, images.reference(DemoImages.Slot.WEB)).path("distro").asText()).isEqualTo("debian");
            assertThat(image(classified, images.reference(DemoImages.Slot.PAYMENTS_FIPS)).path("fips").asText())
                    .isEqualTo("ENFORCED");
            assertThat(image(classified, images.reference(DemoImages.Slot.LEGACY)).path("availability").asText())
                    .isEqualTo("ABSENT");
            assertThat(local.stop()).isZero();
        }

        // When started again on the same data directory, Then the same inventory comes back, still classified
        try (Running again = Running.start(args)) {
            await(base + "/readyz", body -> true, Duration.ofSeconds(60));
            JsonNode api = await(base + "/api/images", body -> counts(body).equals(truth) && allClassified(body),
                    Duration.ofSeconds(30));
            assertThat(counts(api)).isEqualTo(truth);
            assertThat(again.stop()).isZero();
        }
    }

    private static Map<String, Integer> counts(JsonNode body) {
        Map<String, Integer> counts = new TreeMap<>();
        body.path("images").forEach(i -> counts.put(i.path("image").asText(), i.path("containers").asInt()));
        return counts;
    }

    private static boolean allClassified(JsonNode body) {
        return body.path("images").size() > 0
                && java.util.stream.StreamSupport.stream(body.path("images").spliterator(), false)
                .allMatch(i -> i.path("classified").asBoolean());
    }

    private static JsonNode image(JsonNode body, String reference) {
        String canonical = ImageReference.parse(reference).canonical();
        for (JsonNode i : body.path("images")) {
            if (i.path("image").asText().equals(canonical)) {
                return i;
            }
        }
        throw new AssertionError("no " + canonical + " in " + body);
    }

    /** Polls until the URL answers 200 with a body matching {@code until}; fails with the last answer. */
    private JsonNode await(String url, Predicate<JsonNode> until, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString());
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200) {
                    JsonNode body = url.endsWith("/readyz") ? JSON.createObjectNode() : JSON.readTree(response.body());
                    if (until.test(body)) {
                        return body;
                    }
                }
            } catch (java.io.IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError(url + " not as expected within " + timeout + "; last answer: " + last);
    }

    /** {@code image-census local ...} on its own thread, stopped by an interrupt as Ctrl-C would. */
    private static final class Running implements AutoCloseable {
        private final Thread thread;
        private final AtomicInteger exit = new AtomicInteger(-1);

        private Running(String[] args) {
            thread = new Thread(() -> exit.set(ImageCensus.commandLine().execute(args)), "image-census-local");
        }

        static Running start(String[] args) {
            Running running = new Running(args);
            running.thread.start();
            return running;
        }

        int stop() throws InterruptedException {
            thread.interrupt();
            thread.join(Duration.ofSeconds(60).toMillis());
            assertThat(thread.isAlive()).as("local stopped within 60 s").isFalse();
            return exit.get();
        }

        @Override
        public void close() throws InterruptedException {
            if (thread.isAlive()) {
                stop();
            }
        }
    }
}
