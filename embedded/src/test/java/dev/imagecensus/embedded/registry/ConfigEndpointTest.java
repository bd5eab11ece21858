package dev.imagecensus.embedded.registry;

import static dev.imagecensus.embedded.registry.RegistryHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.embedded.registry.RegistryHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConfigEndpointTest {

    @RegisterExtension
    static final RegistryExtension REGISTRY = new RegistryExtension();

    private final RegistryHttp http = REGISTRY.http();
    private final String subject = REGISTRY.unique("config") + ".images-value";

    @Test
    void shouldAnswerBackwardGloballyUntilChangedThenTheNewLevel() {
        // The global level is shared state: this test gets a registry of its own.
        try (EmbeddedSchemaRegistry own = EmbeddedSchemaRegistry.start(EmbeddedSchemaRegistryConfig.inMemory())) {
            RegistryHttp ownHttp = new RegistryHttp(own.url());
            assertThat(ownHttp.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");

            Response put = ownHttp.put("/config", json("compatibility", "FULL_TRANSITIVE"));

            assertThat(put.status()).isEqualTo(200);
            assertThat(put.json().get("compatibility").asText()).isEqualTo("FULL_TRANSITIVE");
            assertThat(ownHttp.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("FULL_TRANSITIVE");
        }
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
        Response unset = http.get("/config/" + subject);
        Response fallback = http.get("/config/" + subject + "?defaultToGlobal=true");
        assertThat(unset.status()).isEqualTo(404);
        assertThat(unset.errorCode()).isEqualTo(40408);
        assertThat(fallback.json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");

        Response put = http.put("/config/" + subject, json("compatibility", "forward"));
        assertThat(put.json().get("compatibility").asText()).isEqualTo("FORWARD");
        assertThat(http.get("/config/" + subject).json().get("compatibilityLevel").asText()).isEqualTo("FORWARD");
        assertThat(http.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");

        Response deleted = http.delete("/config/" + subject);
        assertThat(deleted.json().get("compatibilityLevel").asText()).isEqualTo("FORWARD");
        assertThat(http.get("/config/" + subject).errorCode()).isEqualTo(40408);
        assertThat(http.delete("/config/" + subject).errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldAnswer42203WhenLevelUnknownOrMissing() {
        Response global = http.put("/config", json("compatibility", "SIDEWAYS"));
        Response forSubject = http.put("/config/" + subject, json("compatibility", "SIDEWAYS"));
        Response missing = http.put("/config", json("other", "FULL"));

        for (Response r : new Response[] {global, forSubject, missing}) {
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorCode()).isEqualTo(42203);
        }
        assertThat(http.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }
}
