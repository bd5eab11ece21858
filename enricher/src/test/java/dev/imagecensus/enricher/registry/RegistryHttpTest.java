package dev.imagecensus.enricher.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RegistryHttpTest {

    @Test
    void shouldReadFirstOciErrorCodeWhenBodyIsDistributionJson() {
        byte[] body = "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"},{\"code\":\"X\"}]}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(RegistryHttp.errorCode(body)).isEqualTo("MANIFEST_UNKNOWN");
    }

    @Test
    void shouldHaveNoCodeWhenBodyIsNotJsonOrHasNoErrors() {
        assertThat(RegistryHttp.errorCode("<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(RegistryHttp.errorCode("{}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(RegistryHttp.errorCode(new byte[0])).isNull();
    }
}
