package dev.imagecensus.enricher.registry;

import static dev.imagecensus.enricher.registry.TestClients.credentials;
import static dev.imagecensus.enricher.registry.TestClients.ref;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.embedded.junit.DockerRegistryExtension;
import dev.imagecensus.embedded.junit.RegistryVariant;
import dev.imagecensus.embedded.oci.DockerRegistryProcess;
import dev.imagecensus.embedded.oci.DockerRegistryProcess.Auth;
import dev.imagecensus.embedded.oci.ImagePusher;
import dev.imagecensus.embedded.oci.SyntheticImage;
import dev.imagecensus.embedded.oci.SyntheticImages;
import dev.imagecensus.embedded.oci.TestPki;
import dev.imagecensus.embedded.oci.TokenServer;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.reference.ImageReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(DockerRegistryExtension.class)
class RegistryAuthIT {

    private static final SyntheticImage ALPINE = SyntheticImages.named("alpine");

    @Test
    void shouldAnswerByCredentialsWhenRegistryUsesBasicAuth(@RegistryVariant(auth = Auth.BASIC) DockerRegistryProcess registry) {
        RegistryCounters counters = new RegistryCounters();
        try (RegistryClient right = TestClients.client(registry, credentials(registry, "census", "census-secret"), counters);
             RegistryClient wrong = TestClients.client(registry, credentials(registry, "census", "wrong"), RegistryListener.NONE);
             RegistryClient none = TestClients.client(registry, CredentialStore.anonymous(), RegistryListener.NONE)) {

            ImageInspection inspection = new ImageInspector(right, PlatformSelector.linuxAmd64())
                    .inspect(ref(registry, ALPINE), new TestClients.Collecting()).orElseThrow();
            RegistryResult<Manifest> denied = wrong.manifest(ref(registry, ALPINE));
            RegistryResult<ManifestHead> anonymous = none.headManifest(ref(registry, ALPINE));

            assertThat(inspection.isPartial()).isFalse();
            assertThat(counters.requests(registry.host(), "401")).isEqualTo(1); // later requests send basic up front
            assertThat(denied.existence()).isEqualTo(Existence.AUTHENTICATION_FAILURE);
            assertThat(anonymous.existence()).isEqualTo(Existence.AUTHENTICATION_FAILURE);
        }
    }

    @Test
    void shouldFetchTokenOnceAndReuseItWhenTokenAuth(@RegistryVariant(auth = Auth.TOKEN) DockerRegistryProcess registry) {
        TokenServer tokens = registry.tokenServer();
        try (RegistryClient client = TestClients.client(registry,
                credentials(registry, TokenServer.READER, TokenServer.READER_PASSWORD), RegistryListener.NONE)) {
            int before = tokens.tokensIssued(TokenServer.READER);

            ImageInspection inspection = new ImageInspector(client, PlatformSelector.linuxAmd64())
                    .inspect(ref(registry, SyntheticImages.named("multiarch")), new TestClients.Collecting()).orElseThrow();
            assertThat(client.headManifest(ref(registry, SyntheticImages.named("multiarch"))).isFound()).isTrue();

            assertThat(inspection.isPartial()).isFalse();
            assertThat(tokens.tokensIssued(TokenServer.READER) - before).isEqualTo(1);
        }
    }

    @Test
    void shouldNeverReuseAnotherCredentialsTokenWhenCredentialsAreWrong(
            @RegistryVariant(auth = Auth.TOKEN) DockerRegistryProcess registry) {
        AtomicReference<Credentials> current = new AtomicReference<>(new Credentials(TokenServer.READER, TokenServer.READER_PASSWORD));
        CredentialStore switching = r -> java.util.Optional.of(current.get());
        try (RegistryClient good = TestClients.client(registry, switching, RegistryListener.NONE);
             RegistryClient bad = TestClients.client(registry, credentials(registry, TokenServer.READER, "wrong"), RegistryListener.NONE)) {
            ImageReference alpine = ref(registry, ALPINE);
            assertThat(good.manifest(alpine).isFound()).isTrue();
            int refusals = registry.tokenServer().refusals();

            RegistryResult<Manifest> otherClient = bad.manifest(alpine);
            current.set(new Credentials(TokenServer.READER, "wrong"));
            RegistryResult<Manifest> sameClientWrongPassword = good.manifest(alpine);

            assertThat(otherClient.existence()).isEqualTo(Existence.AUTHENTICATION_FAILURE);
            assertThat(sameClientWrongPassword.existence()).isEqualTo(Existence.AUTHENTICATION_FAILURE);
            assertThat(registry.tokenServer().refusals() - refusals).isEqualTo(2);
        }
    }

    @Test
    void shouldTellAuthorizationFromAuthenticationWhenTokenGrantsNoAccess(
            @RegistryVariant(auth = Auth.TOKEN) DockerRegistryProcess registry) {
        ImagePusher pusher = ImagePusher.to(registry);
        ALPINE.blobs().forEach(b -> pusher.pushBlob("restricted/alpine", b));
        pusher.pushManifest("restricted/alpine", "1", ALPINE.manifest());
        ALPINE.blobs().forEach(b -> pusher.pushBlob("public/alpine", b));
        pusher.pushManifest("public/alpine", "1", ALPINE.manifest());
        try (RegistryClient reader = TestClients.client(registry,
                credentials(registry, TokenServer.READER, TokenServer.READER_PASSWORD), RegistryListener.NONE);
             RegistryClient anonymous = TestClients.client(registry, CredentialStore.anonymous(), RegistryListener.NONE)) {

            assertThat(reader.manifest(ImageReference.parse(registry.host() + "/restricted/alpine:1")).existence())
                    .isEqualTo(Existence.AUTHORIZATION_FAILURE);
            assertThat(anonymous.manifest(ref(registry, ALPINE)).existence()).isEqualTo(Existence.AUTHENTICATION_FAILURE);
            assertThat(anonymous.manifest(ImageReference.parse(registry.host() + "/public/alpine:1")).isFound()).isTrue();
            assertThat(registry.tokenServer().tokensIssued(TokenServer.ANONYMOUS)).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void shouldTrustPrivateCaWhenGivenPemAndRefuseOtherwise(@RegistryVariant(tls = true) DockerRegistryProcess registry,
                                                            DockerRegistryProcess plain, @TempDir Path dir) throws Exception {
        Path pem = Files.writeString(dir.resolve("ca.pem"), TestPki.pem("tls-ca.pem"));
        RegistryClientConfig.Builder base = RegistryClientConfig.builder().retry(RetryPolicy.none());
        try (RegistryClient trusting = new RegistryClient(base.sslContext(TrustMaterial.withPemCertificates(pem)).build());
             RegistryClient defaults = new RegistryClient(RegistryClientConfig.builder().retry(RetryPolicy.none()).build());
             RegistryClient tlsToPlain = new RegistryClient(RegistryClientConfig.builder().retry(RetryPolicy.none())
                     .insecureRegistries(Set.of("elsewhere:5000")).build())) {

            assertThat(trusting.manifest(ref(registry, ALPINE)).isFound()).isTrue();
            RegistryResult<Manifest> untrusted = defaults.manifest(ref(registry, ALPINE));
            assertThat(untrusted.existence()).isEqualTo(Existence.REGISTRY_UNAVAILABLE);
            assertThat(((RegistryResult.Failed<Manifest>) untrusted).detail()).contains("TLS");
            // Plain HTTP only for listed registries: HTTPS to a plain-HTTP port fails.
            assertThat(tlsToPlain.manifest(ref(plain, ALPINE)).existence()).isEqualTo(Existence.REGISTRY_UNAVAILABLE);
        }
    }
}
