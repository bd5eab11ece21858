package dev.imagecensus.enricher.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.embedded.junit.DockerRegistryExtension;
import dev.imagecensus.embedded.junit.StackExtension;
import dev.imagecensus.embedded.junit.TestStack;
import dev.imagecensus.embedded.oci.Blob;
import dev.imagecensus.embedded.oci.DockerRegistryProcess;
import dev.imagecensus.embedded.oci.Expected;
import dev.imagecensus.embedded.oci.SyntheticImage;
import dev.imagecensus.embedded.oci.SyntheticImages;
import dev.imagecensus.enricher.Enricher;
import dev.imagecensus.enricher.RegistrySettings;
import dev.imagecensus.schemas.avro.ImageClassification;
import dev.imagecensus.schemas.reference.ImageReference;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The enricher app on the real broker, schema registry and docker-registry. */
@ExtendWith({StackExtension.class, DockerRegistryExtension.class})
class EnricherIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    static RegistrySettings settings(DockerRegistryProcess registry) {
        return RegistrySettings.defaults().withInsecureRegistries(Set.of(registry.host()));
    }

    @Test
    void shouldClassifyEverySyntheticImageAsItsExpectedAnswerSays(TestStack stack, DockerRegistryProcess registry) {
        try (EnricherStack it = new EnricherStack(stack, "enricher-catalogue");
             Enricher enricher = it.start(it.config(), settings(registry));
             TopicReader<ImageClassification> reader = it.classifications()) {
            // Given one pod per catalogue image
            Map<String, SyntheticImage> byRef = SyntheticImages.all().stream().collect(Collectors.toMap(
                    i -> ImageReference.parse(i.reference(registry.host())).canonical(), i -> i));
            SyntheticImages.all().forEach(image -> it.run(image.name(), image.reference(registry.host())));
            it.flush();

            // When the enricher has answered for all of them
            Map<String, ImageClassification> out = reader.readUntil(m -> m.keySet().containsAll(byRef.keySet()), TIMEOUT);

            // Then each is classified exactly as built
            byRef.forEach((ref, image) -> {
                ImageClassification c = out.get(ref);
                Expected expected = image.expected();
                String what = image.name() + ": " + c;
                assertThat(c.getExistence()).as(what).isEqualTo(expected.existence());
                assertThat(c.getDistroStatus()).as(what).isEqualTo(expected.distroStatus());
                assertThat(c.getDistro() == null ? null : c.getDistro().getId()).as(what).isEqualTo(expected.distroId());
                assertThat(c.getDistro() == null ? null : c.getDistro().getVersion()).as(what).isEqualTo(expected.distroVersion());
                assertThat(c.getDistro() == null ? null : c.getDistro().getVariant()).as(what).isEqualTo(expected.distroVariant());
                assertThat(c.getFips()).as(what).isEqualTo(expected.fips());
                assertThat(c.getPlatforms()).as(what).containsExactlyElementsOf(expected.platforms());
                assertThat(c.getPartial()).as(what).isFalse();
            });
            assertThat(reader.records()).isEqualTo(byRef.size()); // once each
            assertThat(EnricherStack.http(enricher, "/healthz").statusCode()).isEqualTo(200);
            assertThat(EnricherStack.http(enricher, "/readyz").statusCode()).isEqualTo(200);
            String metrics = EnricherStack.http(enricher, "/metrics").body();
            assertThat(metrics).contains("imagecensus_enricher_inspections_total{outcome=\"available\"}",
                    "imagecensus_enricher_existence_checks_total{outcome=\"absent\"} 1.0",
                    "imagecensus_enricher_registry_requests_total{method=\"HEAD\",registry=\"" + registry.host(),
                    "imagecensus_enricher_registry_downloaded_bytes_total{registry=\"" + registry.host(),
                    "imagecensus_enricher_layer_cache_hits_total", "imagecensus_enricher_queue_depth{state=\"pending\"}",
                    "k8s_image_existence_exporter_completed_rechecks_total",
                    "k8s_image_existence_exporter_generic_errors_total 0.0", "kafka_stream");
        }
    }

    @Test
    void shouldDownloadNothingOfSharedBaseLayerWhenSecondImageUsesIt(TestStack stack, DockerRegistryProcess registry) {
        SyntheticImage debian = SyntheticImages.named("debian");
        SyntheticImage app = SyntheticImages.named("debian-app");
        try (EnricherStack it = new EnricherStack(stack, "enricher-layers");
             Enricher enricher = it.start(it.config(), settings(registry));
             TopicReader<ImageClassification> reader = it.classifications()) {
            // Given the base image classified
            it.run("base", debian.reference(registry.host()));
            it.flush();
            reader.readUntil(m -> m.size() == 1, TIMEOUT);
            double bytesBefore = downloaded(enricher, registry);
            long hitsBefore = enricher.layerCache().hits();

            // When an image built on the same base layer arrives
            it.run("app", app.reference(registry.host()));
            it.flush();
            Map<String, ImageClassification> out = reader.readUntil(m -> m.size() == 2, TIMEOUT);

            // Then only its manifest, config and own layer were downloaded: the base layer came from the cache
            long own = app.manifest().size() + app.blobs().stream()
                    .filter(b -> debian.blobs().stream().map(Blob::digest).noneMatch(b.digest()::equals))
                    .mapToLong(Blob::size).sum();
            assertThat(out.get(ImageReference.parse(app.reference(registry.host())).canonical()).getDistro().getId())
                    .isEqualTo("debian");
            assertThat(downloaded(enricher, registry) - bytesBefore).isEqualTo((double) own);
            assertThat(enricher.layerCache().hits() - hitsBefore).isEqualTo(1);
            assertThat(EnricherStack.http(enricher, "/metrics").body()).contains("imagecensus_enricher_layer_cache_hits_total 1.0");
        }
    }

    private static double downloaded(Enricher enricher, DockerRegistryProcess registry) {
        return enricher.metrics().registry().get("imagecensus.enricher.registry.downloaded")
                .tag("registry", registry.host()).counter().count();
    }
}
