package dev.imagecensus.enricher.classify;

import static dev.imagecensus.enricher.classify.Layers.layer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.imagecensus.schemas.avro.EvidenceStrength;
import dev.imagecensus.schemas.avro.FipsStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FIPS status and evidence over merged layers. */
class FipsClassificationTest {

    private static final LayerFacts DEBIAN_BASE = layer().file("etc/os-release", Images.DEBIAN)
            .file("usr/lib/ssl/openssl.cnf", OpenSslConfigs.COMMENTED).build();

    @Test
    void shouldBeCapableWithEveryItemWhenUbiHasSystemFipsAndFipsProvider() {
        // Given
        LayerFacts ubi = layer().file("etc/os-release", Images.UBI).file("etc/system-fips", "")
                .file("usr/lib64/ossl-modules/fips.so", GoBinaries.plainElf()).build();

        // When
        Classification result = Images.classify(ubi);

        // Then
        assertThat(result.fips()).isEqualTo(FipsStatus.CAPABLE);
        assertThat(result.fipsEvidence()).containsExactlyInAnyOrder(
                new FipsEvidenceItem(EvidenceStrength.CAPABLE, "system-fips", "etc/system-fips", "RHEL FIPS-mode marker"),
                new FipsEvidenceItem(EvidenceStrength.CAPABLE, "fips-provider", "usr/lib64/ossl-modules/fips.so",
                        "OpenSSL 3 FIPS provider module present"));
        assertThat(result.fipsNote()).isEqualTo(Classifier.KERNEL_NOTE);
    }

    @Test
    void shouldBeEnforcedWhenOpenSslConfigRequiresTheFipsProvider() {
        // Given an alpine-like base and a layer adding the FIPS provider and an enforcing config
        LayerFacts base = layer().file("etc/os-release", Images.ALPINE).file("etc/ssl/openssl.cnf", OpenSslConfigs.COMMENTED).build();
        LayerFacts fips = layer().file("etc/ssl/openssl.cnf", OpenSslConfigs.ENFORCING)
                .file("etc/ssl/fipsmodule.cnf", OpenSslConfigs.FIPS_MODULE)
                .file("usr/lib/ossl-modules/fips.so", GoBinaries.plainElf()).build();

        // When
        Classification result = Images.classify(base, fips);

        // Then strongest first, every item kept
        assertThat(result.fips()).isEqualTo(FipsStatus.ENFORCED);
        assertThat(result.fipsEvidence()).extracting(FipsEvidenceItem::strength, FipsEvidenceItem::kind, FipsEvidenceItem::path)
                .containsExactly(
                        tuple(EvidenceStrength.ENFORCED, "openssl-config", "etc/ssl/openssl.cnf"),
                        tuple(EvidenceStrength.CAPABLE, "fips-provider", "usr/lib/ossl-modules/fips.so"));
        assertThat(result.fipsNote()).contains("FIPS-enabled host kernel");
    }

    @Test
    void shouldBeCapableWhenConfigOnlyLoadsTheProviderAndNotDetectedWhenCommentedOut() {
        // When
        Classification loading = Images.classify(layer().file("etc/os-release", Images.DEBIAN)
                .file("usr/lib/ssl/openssl.cnf", OpenSslConfigs.LOADING).build());
        Classification commented = Images.classify(DEBIAN_BASE);

        // Then
        assertThat(loading.fips()).isEqualTo(FipsStatus.CAPABLE);
        assertThat(loading.fipsEvidence()).singleElement().extracting(FipsEvidenceItem::kind).isEqualTo("openssl-config");
        assertThat(commented.fips()).isEqualTo(FipsStatus.NOT_DETECTED);
        assertThat(commented.fipsEvidence()).isEmpty();
        assertThat(commented.fipsNote()).isNull();
    }

    @Test
    void shouldJudgeTheConfigOnceWhenDebianLinksUsrLibSslToEtcSsl() {
        // Given
        LayerFacts debian = layer().file("etc/os-release", Images.DEBIAN)
                .file("etc/ssl/openssl.cnf", OpenSslConfigs.LOADING)
                .symlink("usr/lib/ssl/openssl.cnf", "/etc/ssl/openssl.cnf").build();

        // When
        Classification result = Images.classify(debian);

        // Then
        assertThat(result.fipsEvidence()).singleElement().extracting(FipsEvidenceItem::path).isEqualTo("etc/ssl/openssl.cnf");
    }

    @Test
    void shouldBeEnforcedWhenChainguardFipshardenedPackageIsInstalled() {
        // When
        Classification result = Images.classify(layer().file("etc/os-release", "ID=wolfi\nPRETTY_NAME=\"Wolfi\"\n")
                .file("var/lib/db/sbom/openssl-config-fipshardened-3.4.0-r3.spdx.json", "{}").build());

        // Then
        assertThat(result.fips()).isEqualTo(FipsStatus.ENFORCED);
        assertThat(result.fipsEvidence()).singleElement().extracting(FipsEvidenceItem::kind).isEqualTo("chainguard-fipshardened");
    }

    @Test
    void shouldBeEnforcedWhenGoBinaryWasBuiltWithGofips140() {
        // Given a static Go binary on scratch, as ko builds it
        LayerFacts app = layer().file("ko-app/payments", GoBinaries.modern("go1.24.1", "DefaultGODEBUG=fips140=on",
                "CGO_ENABLED=0", "GOARCH=amd64", "GOFIPS140=v1.0.0", "GOOS=linux")).build();

        // When
        Classification result = Images.classify(app);

        // Then
        assertThat(result.fips()).isEqualTo(FipsStatus.ENFORCED);
        assertThat(result.fipsEvidence()).containsExactly(new FipsEvidenceItem(EvidenceStrength.ENFORCED, "go-buildinfo",
                "ko-app/payments", "GOFIPS140=v1.0.0: frozen Go Cryptographic Module v1.0.0, DefaultGODEBUG fips140=on (go1.24.1)"));
    }

    @Test
    void shouldBeCapableWhenGoBinaryUsesBoringCrypto() {
        // When
        Classification result = Images.classify(layer().file("usr/local/bin/server",
                GoBinaries.modern("go1.22.5 X:boringcrypto", "CGO_ENABLED=1", "GOEXPERIMENT=boringcrypto")).build());

        // Then
        assertThat(result.fips()).isEqualTo(FipsStatus.CAPABLE);
        assertThat(result.fipsEvidence()).singleElement().extracting(FipsEvidenceItem::detail)
                .isEqualTo("BoringCrypto (boringcrypto experiment or tag) (go1.22.5 X:boringcrypto)");
    }

    @Test
    void shouldBeEnforcedWhenImageConfigSetsGodebugForItsGoBinary() {
        // Given
        ClassificationInput input = Images.image("registry.example/app:1",
                        layer().file("app", GoBinaries.modern("go1.24.0", "CGO_ENABLED=0")).build())
                .config(new ImageConfig("linux", "amd64", null, Map.of(), List.of("GODEBUG=fips140=only"))).build();

        // When
        Classification result = Classifier.classify(input);

        // Then
        assertThat(result.fips()).isEqualTo(FipsStatus.ENFORCED);
        assertThat(result.fipsEvidence()).singleElement().extracting(FipsEvidenceItem::kind).isEqualTo("env");
    }

    @Test
    void shouldBeCapableWhenBcFipsJarIsPresent() {
        // When
        Classification result = Images.classify(DEBIAN_BASE, layer().file("app/lib/bc-fips-2.0.0.jar", "PK").build());

        // Then
        assertThat(result.fips()).isEqualTo(FipsStatus.CAPABLE);
    }

    @Test
    void shouldBeClaimedWhenOnlyTheNameSaysFips() {
        // When
        Classification result = Classifier.classify(Images.image("cgr.dev/acme/nginx-fips:1.27", DEBIAN_BASE).build());

        // Then
        assertThat(result.fips()).isEqualTo(FipsStatus.CLAIMED);
        assertThat(result.fipsEvidence()).containsExactly(new FipsEvidenceItem(EvidenceStrength.CLAIMED, "image-name",
                null, "the image name says fips: acme/nginx-fips:1.27"));
        assertThat(result.fipsNote()).isNull();
    }

    @Test
    void shouldBeClaimedWhenALabelSaysFips() {
        // Given
        ImageConfig config = new ImageConfig("linux", "amd64", null,
                Map.of("com.example.fips", "true", "com.example.nonfips", "false",
                        "org.opencontainers.image.description", "non-FIPS build"), List.of());

        // When
        Classification result = Classifier.classify(Images.image("registry.example/app:1", DEBIAN_BASE).config(config).build());

        // Then
        assertThat(result.fips()).isEqualTo(FipsStatus.CLAIMED);
        assertThat(result.fipsEvidence()).extracting(FipsEvidenceItem::detail).containsExactly("com.example.fips=true");
    }

    @Test
    void shouldBeUnknownNotNotDetectedWhenScanIsPartial() {
        // When
        Classification result = Classifier.classify(Images.image("registry.example/app:1", DEBIAN_BASE)
                .layerCount(3).build());

        // Then
        assertThat(result.fips()).isEqualTo(FipsStatus.UNKNOWN);
        assertThat(result.partialReason()).isEqualTo("only 1 of 3 layers read");
        assertThat(result.fipsNote()).isEqualTo("scan incomplete: only 1 of 3 layers read");
    }

    @Test
    void shouldBeUnknownWhenAnExecutableWasTooLargeToScan() {
        // Given
        LayerScanner scanner = new LayerScanner(new ScanBounds(1024, 8, 8, 4096, 8, 1024, 64));
        scanner.accept(TarEntry.file("usr/bin/giant", 10_000), GoBinaries.plainElf());

        // When
        Classification result = Images.classify(DEBIAN_BASE, scanner.finish());

        // Then
        assertThat(result.partial()).isFalse();
        assertThat(result.fips()).isEqualTo(FipsStatus.UNKNOWN);
        assertThat(result.fipsNote()).isEqualTo("1 executable(s) too large to scan for Go build info: usr/bin/giant");
    }
}
