package dev.imagecensus.enricher.registry;

import static dev.imagecensus.enricher.registry.TestClients.ref;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.embedded.junit.DockerRegistryExtension;
import dev.imagecensus.embedded.oci.DockerRegistryProcess;
import dev.imagecensus.embedded.oci.SyntheticImage;
import dev.imagecensus.embedded.oci.SyntheticImages;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.reference.ImageReference;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DockerRegistryExtension.class)
class RegistryClientIT {

    private final RegistryCounters counters = new RegistryCounters();

    @Test
    void shouldReadEveryImageAsBuiltWhenPushedToRealRegistry(DockerRegistryProcess registry) {
        try (RegistryClient client = TestClients.client(registry, CredentialStore.anonymous(), counters)) {
            ImageInspector inspector = new ImageInspector(client, PlatformSelector.linuxAmd64());
            for (SyntheticImage image : SyntheticImages.all()) {
                TestClients.Collecting visitor = new TestClients.Collecting();
                RegistryResult<ImageInspection> result = inspector.inspect(ref(registry, image), visitor);

                assertThat(result.existence()).as(image.name()).isEqualTo(image.expected().existence());
                if (image.deleteAfterPush()) {
                    continue;
                }
                ImageInspection inspection = result.orElseThrow();
                assertThat(inspection.manifest().digest()).as(image.name()).isEqualTo(image.digest());
                assertThat(inspection.manifest().mediaType()).as(image.name()).isEqualTo(image.manifest().mediaType());
                assertThat(inspection.platforms()).extracting(Platform::toString).as(image.name())
                        .containsExactlyElementsOf(image.expected().platforms());
                assertThat(inspection.config().platform().toString()).isEqualTo("linux/amd64");
                assertThat(inspection.isPartial()).as(image.name()).isFalse();
                assertThat(visitor.scans).as(image.name()).isNotEmpty()
                        .allSatisfy(scan -> assertThat(scan.digestVerified()).isTrue());
            }
        }
    }

    @Test
    void shouldDropAttestationAndChooseRequestedPlatformWhenIndex(DockerRegistryProcess registry) {
        try (RegistryClient client = TestClients.client(registry, CredentialStore.anonymous(), counters)) {
            ImageReference multiarch = ref(registry, SyntheticImages.named("multiarch"));

            Manifest.Index index = (Manifest.Index) client.manifest(multiarch).orElseThrow();
            ImageInspection arm = new ImageInspector(client, PlatformSelector.preferring(Platform.of("linux", "arm64", null)))
                    .inspect(multiarch, new TestClients.Collecting()).orElseThrow();

            assertThat(index.manifests()).hasSize(3);
            assertThat(index.manifests().get(2).isAttestation()).isTrue();
            assertThat(index.platforms()).extracting(Platform::toString).containsExactly("linux/amd64", "linux/arm64/v8");
            assertThat(arm.config().platform().toString()).isEqualTo("linux/arm64/v8");
            assertThat(arm.image().digest()).isEqualTo(index.manifests().get(1).digest());
        }
    }

    @Test
    void shouldSeeSymlinksWhiteoutsAndZstdWhenReadingLayers(DockerRegistryProcess registry) {
        try (RegistryClient client = TestClients.client(registry, CredentialStore.anonymous(), counters)) {
            ImageInspector inspector = new ImageInspector(client, PlatformSelector.linuxAmd64());
            TestClients.Collecting alpine = new TestClients.Collecting();
            TestClients.Collecting whiteout = new TestClients.Collecting();
            TestClients.Collecting zstd = new TestClients.Collecting();

            inspector.inspect(ref(registry, SyntheticImages.named("alpine")), alpine).orElseThrow();
            inspector.inspect(ref(registry, SyntheticImages.named("whiteout")), whiteout).orElseThrow();
            inspector.inspect(ref(registry, SyntheticImages.named("zstd")), zstd).orElseThrow();

            assertThat(alpine.entry("etc/os-release").type()).isEqualTo(LayerEntry.Type.SYMLINK);
            assertThat(alpine.entry("etc/os-release").linkTarget()).isEqualTo("../usr/lib/os-release");
            assertThat(alpine.entry("bin/sh").type()).isEqualTo(LayerEntry.Type.HARDLINK);
            assertThat(new String(alpine.entry("usr/lib/os-release").content(), StandardCharsets.UTF_8)).contains("ID=alpine");
            assertThat(whiteout.entry("etc/.wh.os-release").type()).isEqualTo(LayerEntry.Type.FILE);
            assertThat(whiteout.scans).extracting(LayerScan::compression)
                    .containsExactly(LayerScan.Compression.GZIP, LayerScan.Compression.NONE);
            assertThat(zstd.scans).extracting(LayerScan::compression).containsExactly(LayerScan.Compression.ZSTD);
            assertThat(new String(zstd.entry("usr/lib/os-release").content(), StandardCharsets.UTF_8)).contains("VERSION_ID=3.20.3");
        }
    }

    @Test
    void shouldAnswerAbsentWhenTagDeletedOrUnknown(DockerRegistryProcess registry) {
        try (RegistryClient client = TestClients.client(registry, CredentialStore.anonymous(), counters)) {
            ImageReference deleted = ref(registry, SyntheticImages.named("deleted"));

            assertThat(client.manifest(deleted).existence()).isEqualTo(Existence.ABSENT);
            assertThat(client.headManifest(deleted).existence()).isEqualTo(Existence.ABSENT);
            assertThat(client.headManifest(ImageReference.parse(registry.host() + "/synthetic/alpine:nope")).existence())
                    .isEqualTo(Existence.ABSENT);
            assertThat(client.manifest(ImageReference.parse(registry.host() + "/no/such-repo:1")).existence())
                    .isEqualTo(Existence.ABSENT);
            assertThat(counters.requests(registry.host(), "404")).isEqualTo(4); // answers, not retried
        }
    }

    @Test
    void shouldConfirmDigestWithoutBodyWhenHeadRechecks(DockerRegistryProcess registry) {
        try (RegistryClient client = TestClients.client(registry, CredentialStore.anonymous(), counters)) {
            for (String name : new String[] {"multiarch", "debian", "docker-list", "alpine"}) {
                SyntheticImage image = SyntheticImages.named(name);
                ManifestHead head = client.headManifest(ref(registry, image)).orElseThrow();

                assertThat(head.digest()).as(name).isEqualTo(image.digest());
                assertThat(head.mediaType()).as(name).isEqualTo(image.manifest().mediaType());
                assertThat(head.size()).as(name).isEqualTo(image.manifest().size());
            }
            SyntheticImage alpine = SyntheticImages.named("alpine");
            assertThat(client.headManifest(ImageReference.parse(alpine.digestReference(registry.host()))).isFound()).isTrue();
            assertThat(counters.bytes(registry.host())).isZero();
        }
    }

    @Test
    void shouldDownloadNothingOfSharedBaseLayerWhenItsDigestIsCached(DockerRegistryProcess registry) {
        try (RegistryClient client = TestClients.client(registry, CredentialStore.anonymous(), counters)) {
            ImageInspector inspector = new ImageInspector(client, PlatformSelector.linuxAmd64());
            Set<String> seen = new java.util.HashSet<>();
            TestClients.Collecting first = new TestClients.Collecting(d -> !seen.add(d));
            TestClients.Collecting second = new TestClients.Collecting(d -> !seen.add(d));

            ImageInspection debian = inspector.inspect(ref(registry, SyntheticImages.named("debian")), first).orElseThrow();
            ImageInspection app = inspector.inspect(ref(registry, SyntheticImages.named("debian-app")), second).orElseThrow();

            assertThat(app.layers().get(0).layer().digest()).isEqualTo(debian.layers().get(0).layer().digest());
            assertThat(app.layers().get(0).scan()).isNull();
            assertThat(app.layerBytes()).isEqualTo(app.layers().get(1).layer().size());
            assertThat(second.entries).extracting(LayerEntry::path).containsExactly("app", "app/server");
        }
    }
}
