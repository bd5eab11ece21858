package dev.imagecensus.embedded.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerRegistryProcessIT {

    @Test
    void shouldServePushedImagesWithTheirDigestsWhenAnonymous() throws Exception {
        try (DockerRegistryProcess registry = DockerRegistryProcess.anonymous()) {
            ImagePusher.to(registry, ImagePusher.Upload.CHUNKED).pushAll(SyntheticImages.all());

            for (SyntheticImage image : SyntheticImages.all()) {
                HttpResponse<byte[]> response = get(registry, image, null);
                if (image.deleteAfterPush()) {
                    assertThat(response.statusCode()).as(image.name()).isEqualTo(404);
                } else {
                    assertThat(response.statusCode()).as(image.name()).isEqualTo(200);
                    assertThat(response.headers().firstValue("Docker-Content-Digest")).hasValue(image.digest());
                    assertThat(response.body()).isEqualTo(image.manifest().bytes());
                }
            }
        }
    }

    @Test
    void shouldRequireCredentialsWhenBasicAuth() throws Exception {
        try (DockerRegistryProcess registry = DockerRegistryProcess.start(DockerRegistryProcess.Auth.BASIC, false)) {
            SyntheticImage alpine = SyntheticImages.named("alpine");
            ImagePusher.to(registry).push(alpine);

            assertThat(get(registry, alpine, null).statusCode()).isEqualTo(401);
            assertThat(get(registry, alpine, basic(DockerRegistryProcess.USERNAME, DockerRegistryProcess.PASSWORD))
                    .statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> new ImagePusher(registry.url(), "census", "wrong", null, ImagePusher.Upload.MONOLITHIC)
                    .push(SyntheticImages.named("busybox"))).hasMessageContaining("401");
        }
    }

    @Test
    void shouldAcceptIssuedTokensWhenTokenAuthOverTls() throws Exception {
        try (DockerRegistryProcess registry = DockerRegistryProcess.start(DockerRegistryProcess.Auth.TOKEN, true)) {
            ImagePusher pusher = ImagePusher.to(registry);
            pusher.pushAll(List.of(SyntheticImages.named("multiarch"), SyntheticImages.named("deleted")));

            assertThat(pusher.blobsUploaded()).isGreaterThan(3);
            assertThat(registry.tokenServer().tokensIssued(TokenServer.PUSHER)).isEqualTo(2);
            assertThat(get(registry, SyntheticImages.named("multiarch"), null).statusCode()).isEqualTo(401);
        }
    }

    private static HttpResponse<byte[]> get(DockerRegistryProcess registry, SyntheticImage image, String authorization)
            throws Exception {
        HttpClient.Builder builder = HttpClient.newBuilder();
        if (registry.sslContext() != null) {
            builder.sslContext(registry.sslContext());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(registry.url() + "/v2/" + image.repository() + "/manifests/" + image.tag()))
                .header("Accept", OciMediaTypes.ACCEPT_ALL_MANIFESTS);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return builder.build().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }
}
