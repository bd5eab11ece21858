package dev.imagecensus.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldAnswer503WithTheProblemsUntilReadyThen200() throws Exception {
        List<String> readiness = new ArrayList<>(List.of("informers not synced", "producer not connected"));
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (HealthServer server = HealthServer.start("test", 0, meters, List::of, () -> List.copyOf(readiness))) {
            HttpResponse<String> notReady = get(server, "/readyz");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).isEqualTo("informers not synced\nproducer not connected\n");

            readiness.clear();
            assertThat(get(server, "/readyz").statusCode()).isEqualTo(200);
            assertThat(get(server, "/healthz").body()).isEqualTo("ok\n");
        }
    }

    @Test
    void shouldServeTheRegistrysMetricsAsPrometheusText() throws Exception {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        meters.counter("events", "type", "ADDED").increment(3);
        try (HealthServer server = HealthServer.start("test", 0, meters, List::of, List::of)) {
            HttpResponse<String> metrics = get(server, "/metrics");

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
            assertThat(metrics.body()).contains("events_total{type=\"ADDED\"} 3.0");
        }
    }

    @Test
    void shouldReportUnhealthyWhenLivenessHasAProblem() throws Exception {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (HealthServer server = HealthServer.start("test", 0, meters, () -> List.of("publisher failed"), List::of)) {
            HttpResponse<String> health = get(server, "/healthz");

            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("publisher failed");
        }
    }

    private HttpResponse<String> get(HealthServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
