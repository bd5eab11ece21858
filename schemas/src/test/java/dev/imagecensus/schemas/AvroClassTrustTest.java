package dev.imagecensus.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.schemas.avro.ImageEvent;
import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.avro.util.ClassSecurityValidator;
import org.junit.jupiter.api.Test;

class AvroClassTrustTest {

    @Test
    void shouldTrustOnlyTheGeneratedPackageWhenInstalled() {
        AvroClassTrust.install();
        AvroClassTrust.install();

        assertThat(ClassSecurityValidator.getGlobal().isTrusted(ImageEvent.class)).isTrue();
        assertThat(ClassSecurityValidator.getGlobal().isTrusted(File.class)).isFalse();
        assertThat(ClassSecurityValidator.getGlobal().isTrusted(AvroClassTrust.class)).isFalse();
    }

    @Test
    void shouldInstallItselfWhenAFreshJvmFirstUsesAGeneratedClass() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                AvroClassTrustProbe.class.getName())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("decoded web-1 APP");
        assertThat(process.exitValue()).as(output).isZero();
    }
}
