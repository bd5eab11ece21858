package dev.imagecensus.embedded.registry;

import static dev.imagecensus.embedded.registry.RegistryHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.embedded.registry.RegistryHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfigEndpointTest {

    private EmbeddedSchemaRegistry registry;
    private RegistryHttp http;

    @BeforeEach
    void start() {
        registry = EmbeddedSchemaRegistry.start(EmbeddedSchemaRegistryConfig.inMemory());
        http = new RegistryHttp(registry.url());
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void shouldAnswerBackwardGloballyUntilChangedThenTheNewLevel() {
        assertThat(http.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");

        Response put = http.put("/config", json("compatibility", "FULL_TRANSITIVE"));

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("compatibility").asText()).isEqualTo("FULL_TRANSITIVE");
        assertThat(http.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("FULL_TRANSITIVE");
    }

    @Test
    void shouldUseConfiguredDefaultWhenNoGlobalLevelWasPut() {
        try (EmbeddedSchemaRegistry none = EmbeddedSchemaRegistry.start(
                EmbeddedSchemaRegistryConfig.inMemory().withDefaultCompatibility(CompatibilityLevel.NONE))) {
            assertThat(new RegistryHttp(none.url()).get("/config").json().get("compatibilityLevel").asText())
                    .isEqualTo("NONE");
        }
    }

    @Test
    void shouldKeepSubjectLevelUntilDeletedThenFallBackToGlobal() {
        Response unset = http.get("/config/images-value");
        Response fallback = http.get("/config/images-value?defaultToGlobal=true");
        assertThat(unset.status()).isEqualTo(404);
        assertThat(unset.errorCode()).isEqualTo(40408);
        assertThat(fallback.json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");

        Response put = http.put("/config/images-value", json("compatibility", "forward"));
        assertThat(put.json().get("compatibility").asText()).isEqualTo("FORWARD");
        assertThat(http.get("/config/images-value").json().get("compatibilityLevel").asText()).isEqualTo("FORWARD");
        assertThat(http.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");

        Response deleted = http.delete("/config/images-value");
        assertThat(deleted.json().get("compatibilityLevel").asText()).isEqualTo("FORWARD");
        assertThat(http.get("/config/images-value").errorCode()).isEqualTo(40408);
        assertThat(http.delete("/config/images-value").errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldAnswer42203WhenLevelUnknownOrMissing() {
        Response global = http.put("/config", json("compatibility", "SIDEWAYS"));
        Response subject = http.put("/config/images-value", json("compatibility", "SIDEWAYS"));
        Response missing = http.put("/config", json("other", "FULL"));

        for (Response r : new Response[] {global, subject, missing}) {
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorCode()).isEqualTo(42203);
        }
        assertThat(http.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }
}
