package dev.imagecensus.enricher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagecensus.enricher.classify.PlatformSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    private static EnricherConfig config() {
        return EnricherConfig.defaults("kafka:9092", "http://user:pw@registry:8081", "/var/lib/enricher");
    }

    @Test
    void shouldFixExactlyOnceAndExplicitNamingWhenBuildingStreamsProperties() {
        Properties props = config().withStreamsOverrides(Map.of("num.stream.threads", "2")).streamsProperties();

        assertThat(props).containsEntry("processing.guarantee", "exactly_once_v2")
                .containsEntry("ensure.explicit.internal.resource.naming", "true")
                .containsEntry("application.id", "image-census-enricher")
                .containsEntry("num.stream.threads", "2");
    }

    @Test
    void shouldRejectOverridesOfFixedSettingsAndNameBadOnes() {
        assertThatThrownBy(() -> config().withStreamsOverrides(Map.of("processing.guarantee", "at_least_once")))
                .hasMessageContaining("processing.guarantee");
        assertThatThrownBy(() -> config().withRecheckInterval(Duration.ZERO)).hasMessageContaining("recheck interval");
        assertThatThrownBy(() -> config().withInspections(4, 2)).hasMessageContaining("in-flight");
        assertThatThrownBy(() -> config().withHttpPort(70000)).hasMessageContaining("http port");
    }

    @Test
    void shouldMaskSecretsWhenPrinted() {
        String printed = config().withStreamsOverrides(Map.of("sasl.jaas.config", "secret-stuff")).toString();

        assertThat(printed).doesNotContain("secret-stuff", "user:pw").contains("sasl.jaas.config=****", "//****@registry");
    }

    @Test
    void shouldNameTheFlagWhenRegistrySettingIsBad(@TempDir Path dir) throws Exception {
        RegistrySettings defaults = RegistrySettings.defaults();

        assertThatThrownBy(() -> defaults.withDockerConfig(dir.resolve("missing.json"))).hasMessageContaining("--docker-config");
        assertThatThrownBy(() -> defaults.withCaCertificates(dir.resolve("missing.pem"))).hasMessageContaining("--registry-ca");
        assertThatThrownBy(() -> defaults.withPlatform("linux")).hasMessageContaining("--platform");
        assertThatThrownBy(() -> defaults.withInsecureRegistries(Set.of("http://x/y"))).hasMessageContaining("--insecure-registries");
        assertThatThrownBy(() -> defaults.withLayerCacheBytes(0)).hasMessageContaining("--layer-cache-bytes");
        Path config = Files.writeString(dir.resolve("config.json"), "{\"auths\":{}}");
        assertThat(defaults.withDockerConfig(config).withPlatform("linux/arm64/v8").platform())
                .isEqualTo(new PlatformSpec("linux", "arm64", "v8"));
    }
}
