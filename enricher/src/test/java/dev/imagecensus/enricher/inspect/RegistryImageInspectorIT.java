package dev.imagecensus.enricher.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.embedded.junit.DockerRegistryExtension;
import dev.imagecensus.embedded.oci.DockerRegistryProcess;
import dev.imagecensus.embedded.oci.Expected;
import dev.imagecensus.embedded.oci.SyntheticImage;
import dev.imagecensus.embedded.oci.SyntheticImages;
import dev.imagecensus.enricher.classify.ScanBounds;
import dev.imagecensus.enricher.registry.RegistryClient;
import dev.imagecensus.enricher.registry.RegistryClientConfig;
import dev.imagecensus.enricher.registry.RegistryCounters;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.ImageClassification;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DockerRegistryExtension.class)
class RegistryImageInspectorIT {

    private final RegistryCounters counters = new RegistryCounters();

    private RegistryClient client(DockerRegistryProcess registry) {
        return new RegistryClient(RegistryClientConfig.builder().insecureRegistries(Set.of(registry.host()))
                .listener(counters).build());
    }

    @Test
    void shouldClassifyEverySyntheticImageAsExpectedWhenInspectedInFull(DockerRegistryProcess registry) {
        try (RegistryClient client = client(registry)) {
            RegistryImageInspector inspector = new RegistryImageInspector(client, null, new LayerCache(1 << 20),
                    ScanBounds.defaults(), Clock.systemUTC());
            for (SyntheticImage image : SyntheticImages.all()) {
                // When
                ImageClassification c = inspector.inspect(image.reference(registry.host()));

                // Then
                Expected expected = image.expected();
                assertThat(c.getExistence()).as(image.name() + ": " + c).isEqualTo(expected.existence());
                assertThat(c.getDistroStatus()).as(image.name() + ": " + c).isEqualTo(expected.distroStatus());
                assertThat(c.getDistro() == null ? null : c.getDistro().getId()).as(image.name()).isEqualTo(expected.distroId());
                assertThat(c.getDistro() == null ? null : c.getDistro().getVersion()).as(image.name()).isEqualTo(expected.distroVersion());
                assertThat(c.getDistro() == null ? null : c.getDistro().getVariant()).as(image.name()).isEqualTo(expected.distroVariant());
                assertThat(c.getFips()).as(image.name() + ": " + c).isEqualTo(expected.fips());
                assertThat(c.getPlatforms()).as(image.name()).containsExactlyElementsOf(expected.platforms());
                assertThat(c.getPartial()).as(image.name()).isFalse();
            }
        }
    }

    @Test
    void shouldDownloadNothingOfSharedBaseLayerWhenSecondImageUsesIt(DockerRegistryProcess registry) {
        try (RegistryClient client = client(registry)) {
            LayerCache cache = new LayerCache(1 << 20);
            RegistryImageInspector inspector = new RegistryImageInspector(client, null, cache, ScanBounds.defaults(),
                    Clock.systemUTC());
            SyntheticImage debian = SyntheticImages.named("debian");
            SyntheticImage app = SyntheticImages.named("debian-app");
            inspector.inspect(debian.reference(registry.host()));
            long before = counters.bytes(registry.host());

            // When
            ImageClassification c = inspector.inspect(app.reference(registry.host()));

            // Then: manifest, config and the app layer only; the debian base layer came from the cache
            long downloaded = counters.bytes(registry.host()) - before;
            long appLayer = app.blobs().stream().filter(b -> debian.blobs().stream().noneMatch(d -> d.digest().equals(b.digest())))
                    .mapToLong(b -> b.size()).sum() + app.manifest().size();
            assertThat(c.getExistence()).isEqualTo(Existence.AVAILABLE);
            assertThat(cache.hits()).isEqualTo(1);
            assertThat(downloaded).isEqualTo(appLayer);
        }
    }

    @Test
    void shouldAnswerBadFormatWithoutRegistryCallWhenReferenceIsInvalid(DockerRegistryProcess registry) {
        try (RegistryClient client = client(registry)) {
            RegistryImageInspector inspector = new RegistryImageInspector(client, null, new LayerCache(1 << 20),
                    ScanBounds.defaults(), Clock.systemUTC());

            ImageClassification c = inspector.inspect("Not A Reference!");
            ImageInspector.Resolution r = inspector.resolve("Not A Reference!");

            assertThat(c.getExistence()).isEqualTo(Existence.BAD_IMAGE_FORMAT);
            assertThat(c.getError()).isNotBlank();
            assertThat(r.existence()).isEqualTo(Existence.BAD_IMAGE_FORMAT);
            assertThat(counters.requests(registry.host())).isZero();
        }
    }
}
