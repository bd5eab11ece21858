package dev.imagecensus.enricher.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.embedded.junit.StackExtension;
import dev.imagecensus.embedded.junit.TestStack;
import dev.imagecensus.embedded.oci.Blob;
import dev.imagecensus.embedded.oci.Expected;
import dev.imagecensus.embedded.oci.ImageAssembler;
import dev.imagecensus.embedded.oci.ImagePlatform;
import dev.imagecensus.embedded.oci.Layer;
import dev.imagecensus.embedded.oci.LayerCompression;
import dev.imagecensus.embedded.oci.OciMediaTypes;
import dev.imagecensus.embedded.oci.SyntheticImage;
import dev.imagecensus.embedded.oci.SyntheticImages;
import dev.imagecensus.enricher.Enricher;
import dev.imagecensus.enricher.RegistrySettings;
import dev.imagecensus.enricher.registry.FakeRegistry;
import dev.imagecensus.enricher.registry.LayerReaderTest;
import dev.imagecensus.enricher.registry.Limits;
import dev.imagecensus.enricher.registry.RetryPolicy;
import dev.imagecensus.schemas.avro.DistroStatus;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.FipsStatus;
import dev.imagecensus.schemas.avro.ImageClassification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A registry answering with a gzip bomb, garbage and 503s (behaviours the real registry cannot produce; the
 * client-level cases are in HostileRegistryIT): the enricher app answers partial / UNKNOWN and keeps running.
 */
@ExtendWith(StackExtension.class)
class HostileRegistryEnricherIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void shouldEmitPartialOrUnknownAndKeepRunningWhenRegistryIsHostile(TestStack stack) throws Exception {
        try (FakeRegistry fake = new FakeRegistry();
             EnricherStack it = new EnricherStack(stack, "enricher-hostile");
             TopicReader<ImageClassification> reader = it.classifications()) {
            // Given a gzip bomb layer, a garbage manifest, a registry that is down, and one good image
            byte[] bomb = LayerReaderTest.gzippedTarOfZeros(64L << 20);
            Layer layer = new Layer(Blob.of(OciMediaTypes.OCI_LAYER_GZIP, bomb), "sha256:" + "2".repeat(64), LayerCompression.GZIP);
            ImageAssembler.Built built = ImageAssembler.image(ImageAssembler.Format.OCI, ImagePlatform.LINUX_AMD64,
                    List.of(layer), List.of(), Map.of());
            fake.serve("bomb", new SyntheticImage("bomb", "bomb", "1", built.manifest(), List.of(), built.blobs(),
                    Expected.scratch(), false));
            fake.route("/v2/garbage/manifests/1", exchange -> FakeRegistry.send(exchange, 200, OciMediaTypes.OCI_MANIFEST,
                    "{\"schemaVersion\": 2, \"layers\": [tru".getBytes(StandardCharsets.UTF_8)));
            fake.route("/v2/down/manifests/1", exchange -> FakeRegistry.send(exchange, 503, "text/plain", new byte[0]));
            fake.serve("good", SyntheticImages.named("alpine"));
            RegistrySettings settings = RegistrySettings.defaults().withInsecureRegistries(Set.of(fake.host()))
                    .withRetry(new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(2)))
                    .withLimits(Limits.defaults().withDecompressionRatio(100, 8L << 20)
                            .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(10)));

            try (Enricher enricher = it.start(it.config(), settings)) {
                // When pods use them
                for (String repository : List.of("bomb", "garbage", "down", "good")) {
                    it.run(repository, fake.host() + "/" + repository + ":1");
                }
                it.flush();
                Map<String, ImageClassification> out = reader.readUntil(m -> m.size() == 4, TIMEOUT);

                // Then each gets an honest answer and the app is still up
                ImageClassification bombed = out.get(fake.host() + "/bomb:1");
                assertThat(bombed.getExistence()).isEqualTo(Existence.AVAILABLE);
                assertThat(bombed.getPartial()).isTrue();
                assertThat(bombed.getPartialReason()).contains("DECOMPRESSION_RATIO");
                assertThat(bombed.getDistroStatus()).isEqualTo(DistroStatus.UNKNOWN);
                assertThat(bombed.getFips()).isEqualTo(FipsStatus.UNKNOWN);
                assertThat(out.get(fake.host() + "/garbage:1").getExistence()).isEqualTo(Existence.BAD_IMAGE_FORMAT);
                assertThat(out.get(fake.host() + "/down:1").getExistence()).isEqualTo(Existence.REGISTRY_UNAVAILABLE);
                assertThat(out.get(fake.host() + "/good:1").getDistro().getId()).isEqualTo("alpine");
                assertThat(enricher.state()).isEqualTo(KafkaStreams.State.RUNNING);
                assertThat(EnricherStack.http(enricher, "/healthz").statusCode()).isEqualTo(200);
                assertThat(EnricherStack.http(enricher, "/metrics").body())
                        .contains("imagecensus_enricher_inspections_total{outcome=\"partial\"} 1.0",
                                "k8s_image_existence_exporter_generic_errors_total 1.0");
            }
        }
    }
}
