package dev.imagecensus.enricher.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExecutableScannerTest {

    private static ExecutableScanner.Findings scanInChunks(byte[] file, int chunk) {
        ExecutableScanner scanner = new ExecutableScanner(ScanBounds.defaults().maxBuildInfoBytes());
        for (int off = 0; off < file.length; off += chunk) {
            if (!scanner.update(file, off, Math.min(chunk, file.length - off))) {
                break;
            }
        }
        return scanner.finish();
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 7, 13, 4096, 65536, Integer.MAX_VALUE})
    void shouldReadGoFips140BuildInfoWhenChunksSplitTheBlobAnywhere(int chunk) {
        // Given a Go 1.24 binary built with GOFIPS140=v1.0.0
        byte[] binary = GoBinaries.modern("go1.24.1", "DefaultGODEBUG=fips140=on", "CGO_ENABLED=0",
                "GOARCH=amd64", "GOFIPS140=v1.0.0", "GOOS=linux", "GOAMD64=v1");

        // When
        ExecutableScanner.Findings findings = scanInChunks(binary, Math.min(chunk, binary.length));

        // Then
        assertThat(findings.elf()).isTrue();
        GoBuildInfo info = findings.goBuildInfo();
        assertThat(info).isNotNull();
        assertThat(info.goVersion()).isEqualTo("go1.24.1");
        assertThat(info.mainPath()).isEqualTo("example.com/payments/cmd/server");
        assertThat(info.setting("GOFIPS140")).contains("v1.0.0");
        assertThat(info.setting("DefaultGODEBUG")).contains("fips140=on");
        assertThat(info.setting("-ldflags")).contains("-s -w -X main.version=1.4.2");
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {3, 4096, Integer.MAX_VALUE})
    void shouldSkipDecoyMagicWhenItsStringsAreNotBuildInfo(int chunk) {
        // Given an aligned copy of the magic at 4096 whose strings are garbage, the real blob at 8192
        byte[] binary = GoBinaries.modernWithDecoy("go1.24.1", "GOFIPS140=v1.0.0");

        // When
        GoBuildInfo info = scanInChunks(binary, Math.min(chunk, binary.length)).goBuildInfo();

        // Then
        assertThat(info.goVersion()).isEqualTo("go1.24.1");
        assertThat(info.setting("GOFIPS140")).contains("v1.0.0");
    }

    @Test
    void shouldReadBoringCryptoExperimentWhenVersionCarriesIt() {
        // Given
        byte[] binary = GoBinaries.modern("go1.22.5 X:boringcrypto", "CGO_ENABLED=1", "GOEXPERIMENT=boringcrypto");

        // When
        GoBuildInfo info = scanInChunks(binary, 4096).goBuildInfo();

        // Then
        assertThat(info.goVersion()).isEqualTo("go1.22.5 X:boringcrypto");
        assertThat(info.setting("GOEXPERIMENT")).contains("boringcrypto");
    }

    @Test
    void shouldReadFramedModuleInfoWhenBinaryPredatesInlineBuildInfo() {
        // Given a pre-1.18 binary: the header only holds pointers
        byte[] binary = GoBinaries.legacy("-tags=boringcrypto");

        // When
        GoBuildInfo info = scanInChunks(binary, 100).goBuildInfo();

        // Then
        assertThat(info.goVersion()).isNull();
        assertThat(info.setting("-tags")).contains("boringcrypto");
    }

    @Test
    void shouldStopAfterFourBytesWhenFileIsNotElf() {
        // Given
        ExecutableScanner scanner = new ExecutableScanner(1024);
        byte[] script = "#!/bin/sh\necho \u00ff Go buildinf:\n".getBytes(StandardCharsets.ISO_8859_1);

        // When
        boolean wantsMore = scanner.update(script, 0, script.length);

        // Then
        assertThat(wantsMore).isFalse();
        assertThat(scanner.finish()).isEqualTo(new ExecutableScanner.Findings(false, null, null));
    }

    @Test
    void shouldFindNothingWhenElfIsNotGo() {
        // When
        ExecutableScanner.Findings findings = scanInChunks(GoBinaries.plainElf(), 512);

        // Then
        assertThat(findings.elf()).isTrue();
        assertThat(findings.any()).isFalse();
    }

    @Test
    void shouldReadBusyBoxVersionWhenBannerIsPresent() {
        // When
        ExecutableScanner.Findings findings = scanInChunks(GoBinaries.busybox("1.36.1"), 5);

        // Then
        assertThat(findings.busyboxVersion()).isEqualTo("1.36.1");
        assertThat(findings.goBuildInfo()).isNull();
    }
}
