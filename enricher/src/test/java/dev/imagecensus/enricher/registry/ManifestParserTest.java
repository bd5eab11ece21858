package dev.imagecensus.enricher.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestParserTest {

    private static final String D1 = "sha256:" + "1".repeat(64);
    private static final String D2 = "sha256:" + "2".repeat(64);
    private static final String D3 = "sha256:" + "3".repeat(64);

    @Test
    void shouldAcceptEveryManifestTypeWhenBuildingAcceptHeader() {
        assertThat(MediaTypes.ACCEPT_MANIFESTS.split(", ")).containsExactly(MediaTypes.OCI_INDEX,
                MediaTypes.OCI_MANIFEST, MediaTypes.DOCKER_LIST, MediaTypes.DOCKER_MANIFEST);
    }

    @Test
    void shouldDropAttestationsWhenListingIndexPlatforms() throws Exception {
        Manifest manifest = parse("""
                {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
                 {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":10,
                  "platform":{"architecture":"amd64","os":"linux"}},
                 {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":10,
                  "platform":{"architecture":"arm64","os":"linux","variant":"v8"}},
                 {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":10,
                  "platform":{"architecture":"unknown","os":"unknown"},
                  "annotations":{"vnd.docker.reference.type":"attestation-manifest"}}]}
                """.formatted(D1, D2, D3), null);

        Manifest.Index index = (Manifest.Index) manifest;
        assertThat(index.manifests()).hasSize(3);
        assertThat(index.images()).extracting(Descriptor::digest).containsExactly(D1, D2);
        assertThat(index.platforms()).extracting(Platform::toString).containsExactly("linux/amd64", "linux/arm64/v8");
        assertThat(PlatformSelector.linuxAmd64().select(index)).map(Descriptor::digest).hasValue(D1);
        assertThat(PlatformSelector.preferring(Platform.of("linux", "arm64", null)).select(index))
                .map(Descriptor::digest).hasValue(D2);
    }

    @Test
    void shouldReadDockerSchema2WhenMediaTypeComesFromHeaderOnly() throws Exception {
        Manifest manifest = parse("""
                {"schemaVersion":2,"config":{"mediaType":"application/vnd.docker.container.image.v1+json","digest":"%s","size":7},
                 "layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","digest":"%s","size":99}]}
                """.formatted(D1, D2), MediaTypes.DOCKER_MANIFEST + "; charset=utf-8");

        Manifest.Image image = (Manifest.Image) manifest;
        assertThat(image.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
        assertThat(image.config().digest()).isEqualTo(D1);
        assertThat(image.layers()).extracting(Descriptor::size).containsExactly(99L);
    }

    @Test
    void shouldInferOciTypeWhenNeitherDocumentNorHeaderSaysIt() throws Exception {
        Manifest manifest = parse("{\"schemaVersion\":2,\"manifests\":[]}", "application/octet-stream");

        assertThat(manifest).isInstanceOf(Manifest.Index.class);
        assertThat(manifest.mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
    }

    @Test
    void shouldRejectWhenManifestIsGarbageSchema1OrHasBadDigests() {
        assertThatThrownBy(() -> parse("<html>nope</html>", null)).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> parse("[1,2]", null)).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parse("{\"schemaVersion\":1,\"fsLayers\":[]}", null)).hasMessageContaining("schema 1");
        assertThatThrownBy(() -> parse("""
                {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
                 "config":{"digest":"sha256:short","size":1},"layers":[]}""", null)).hasMessageContaining("invalid digest");
        assertThatThrownBy(() -> parse("{\"schemaVersion\":2,\"mediaType\":\"text/plain\"}", null))
                .hasMessageContaining("unsupported manifest media type");
    }

    private static Manifest parse(String json, String contentType) throws BadImageException {
        return ManifestParser.parse(json.getBytes(StandardCharsets.UTF_8), contentType, D3);
    }
}
