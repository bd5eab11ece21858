package dev.imagecensus.enricher.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagecensus.embedded.junit.DockerRegistryExtension;
import dev.imagecensus.embedded.oci.DockerRegistryProcess;
import dev.imagecensus.embedded.oci.SyntheticImage;
import dev.imagecensus.embedded.oci.SyntheticImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

/** skopeo (containers/image) as an independent client: it must see the same digests and platform as ours. */
@ExtendWith(DockerRegistryExtension.class)
class SkopeoCrossCheckIT {

    private static final Path SKOPEO = Path.of("/usr/bin/skopeo");

    @ParameterizedTest
    @ValueSource(strings = {"multiarch", "debian", "docker-list", "zstd"})
    void shouldAgreeWithSkopeoWhenInspectingTheSameImage(String name, DockerRegistryProcess registry) throws Exception {
        assumeTrue(Files.isExecutable(SKOPEO), "skopeo not installed (apt-get install skopeo)");
        SyntheticImage image = SyntheticImages.named(name);
        Process skopeo = new ProcessBuilder(SKOPEO.toString(), "inspect", "-n", "--tls-verify=false",
                "docker://" + image.reference(registry.host())).redirectErrorStream(true).start();
        byte[] output = skopeo.getInputStream().readAllBytes();
        assertThat(skopeo.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(skopeo.exitValue()).as(new String(output)).isZero();
        JsonNode inspected = new ObjectMapper().readTree(output);

        try (RegistryClient client = TestClients.client(registry, CredentialStore.anonymous(), RegistryListener.NONE)) {
            ImageInspection ours = new ImageInspector(client, PlatformSelector.linuxAmd64())
                    .inspect(TestClients.ref(registry, image), new TestClients.Collecting()).orElseThrow();

            assertThat(inspected.path("Digest").asText()).isEqualTo(ours.manifest().digest());
            assertThat(inspected.path("Os").asText()).isEqualTo(ours.config().os());
            assertThat(inspected.path("Architecture").asText()).isEqualTo(ours.config().architecture());
            assertThat(inspected.path("Layers")).hasSize(ours.image().layers().size());
            assertThat(inspected.path("Layers").get(0).asText()).isEqualTo(ours.image().layers().get(0).digest());
        }
    }
}
