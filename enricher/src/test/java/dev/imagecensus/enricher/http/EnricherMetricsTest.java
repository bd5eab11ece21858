package dev.imagecensus.enricher.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.enricher.inspect.Classifications;
import dev.imagecensus.enricher.inspect.ImageInspector;
import dev.imagecensus.enricher.inspect.LayerCache;
import dev.imagecensus.enricher.stream.InspectionService;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.ImageClassification;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EnricherMetricsTest {

    private static final ImageInspector ANSWERS = new ImageInspector() {
        @Override
        public Resolution resolve(String reference) {
            return new Resolution(reference.contains("down") ? Existence.REGISTRY_UNAVAILABLE : Existence.ABSENT, null,
                    "HTTP 404", Instant.now());
        }

        @Override
        public ImageClassification inspect(String reference) {
            ImageClassification c = Classifications.notInspected(reference, Existence.AVAILABLE, null, Instant.now());
            c.setPartial(reference.contains("partial"));
            return c;
        }
    };

    @Test
    void shouldExposeEveryFamilyWithBoundedLabelsWhenScraped() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        EnricherMetrics metrics = new EnricherMetrics(registry);
        try (InspectionService service = new InspectionService(ANSWERS, 1, 1, Clock.systemUTC())) {
            metrics.bind(service, new LayerCache(1024));
            ImageInspector metered = metrics.metered(ANSWERS);

            metered.resolve("registry.example/gone:1");
            metered.resolve("registry.example/down:1");
            metered.inspect("registry.example/app:1");
            metered.inspect("registry.example/partial:1");
            metrics.onRequest("registry.example", "GET", "200");
            metrics.onBytes("registry.example", 1234);

            String scrape = registry.scrape();
            assertThat(scrape).contains(
                    "imagecensus_enricher_existence_checks_total{outcome=\"absent\"} 1.0",
                    "imagecensus_enricher_existence_checks_total{outcome=\"registry_unavailable\"} 1.0",
                    "imagecensus_enricher_inspections_total{outcome=\"available\"} 1.0",
                    "imagecensus_enricher_inspections_total{outcome=\"partial\"} 1.0",
                    "imagecensus_enricher_registry_requests_total{method=\"GET\",registry=\"registry.example\",status=\"200\"} 1.0",
                    "imagecensus_enricher_registry_downloaded_bytes_total{registry=\"registry.example\"} 1234.0",
                    "imagecensus_enricher_queue_depth{state=\"in_flight\"} 0.0",
                    "imagecensus_enricher_queue_depth{state=\"pending\"} 0.0",
                    "imagecensus_enricher_layer_cache_hits_total 0.0",
                    "k8s_image_existence_exporter_completed_rechecks_total 0.0",
                    "k8s_image_existence_exporter_generic_errors_total 1.0");
            assertThat(scrape).doesNotContain("app:1", "gone:1");
        }
    }
}
