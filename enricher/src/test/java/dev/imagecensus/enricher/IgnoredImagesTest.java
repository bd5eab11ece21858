package dev.imagecensus.enricher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IgnoredImagesTest {

    private final IgnoredImages ignored = IgnoredImages.of(List.of(
            "nginx:1.27", "registry.internal:5000/.*", " ", "docker.io/library/busybox:latest"));

    @ParameterizedTest(name = "{0} ({1}) ignored: {2}")
    @CsvSource({
            "nginx:1.27, docker.io/library/nginx:1.27, true",
            "nginx:1.28, docker.io/library/nginx:1.28, false",
            "nginxX1.27, docker.io/library/nginxx1.27, false",
            "registry.internal:5000/team/app:1, registry.internal:5000/team/app:1, true",
            "busybox, docker.io/library/busybox:latest, true",
            "ghcr.io/org/busybox, ghcr.io/org/busybox:latest, false",
    })
    void shouldMatchExactNamesAndRegexesOnWrittenOrCanonicalForm(String written, String canonical, boolean expected) {
        assertThat(ignored.matches(written, canonical)).isEqualTo(expected);
    }

    @Test
    void shouldMatchWrittenFormWhenReferenceIsInvalid() {
        assertThat(IgnoredImages.of(List.of("Bad/Image.*")).matches("Bad/Image:1", null)).isTrue();
    }

    @Test
    void shouldNameTheEntryWhenRegexIsInvalid() {
        assertThatThrownBy(() -> IgnoredImages.of(List.of("ok", "broken[")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken[");
    }

    @Test
    void shouldIgnoreNothingByDefault() {
        assertThat(IgnoredImages.none().matches("nginx", "docker.io/library/nginx:latest")).isFalse();
    }
}
