package dev.imagecensus.embedded.registry;

import static dev.imagecensus.embedded.registry.RegistryHttp.field;
import static dev.imagecensus.embedded.registry.RegistryHttp.json;
import static dev.imagecensus.embedded.registry.RegistryHttp.record;
import static dev.imagecensus.embedded.registry.RegistryHttp.schemaBody;
import static dev.imagecensus.embedded.registry.SubjectsEndpointTest.ints;
import static dev.imagecensus.embedded.registry.SubjectsEndpointTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.embedded.registry.RegistryHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CompatibilityEndpointTest {

    private static final String V1 = record("Image", field("ref", "string"));
    private static final String WITH_DEFAULT = record("Image", field("ref", "string"), field("count", "int", "0"));
    private static final String WITHOUT_DEFAULT = record("Image", field("ref", "string"), field("count", "int"));
    private static final String RENAMED_TYPE = record("Image", field("ref", "long"));

    @RegisterExtension
    static final RegistryExtension REGISTRY = new RegistryExtension();

    private final RegistryHttp http = REGISTRY.http();
    private final String prefix = REGISTRY.unique("compatibility") + ".";

    @Test
    void shouldAnswer409NamingTheProblemWhenNewFieldHasNoDefaultUnderBackward() {
        http.registerOk(subject("images-value"), V1);

        Response refused = http.register(subject("images-value"), WITHOUT_DEFAULT);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo(409);
        assertThat(refused.message()).contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("count")
                .contains(subject("images-value"));
        assertThat(ints(http.get(versions("images-value")).json())).containsExactly(1);
    }

    @Test
    void shouldRegisterNewVersionWhenAddedFieldHasDefault() {
        int id1 = http.registerOk(subject("images-value"), V1);

        int id2 = http.registerOk(subject("images-value"), WITH_DEFAULT);

        assertThat(id2).isNotEqualTo(id1);
        assertThat(ints(http.get(versions("images-value")).json())).containsExactly(1, 2);
    }

    @Test
    void shouldAcceptAnyChangeWhenSubjectLevelIsNone() {
        http.registerOk(subject("images-value"), V1);
        http.put("/config/" + subject("images-value"), json("compatibility", "NONE"));

        assertThat(http.register(subject("images-value"), RENAMED_TYPE).status()).isEqualTo(200);
    }

    @Test
    void shouldCheckOnlyLatestUnderBackwardButEveryVersionUnderBackwardTransitive() {
        // v3 reads v2 data (count present) but not v1 data (count missing, no default).
        for (String name : new String[] {"plain-value", "transitive-value"}) {
            http.registerOk(subject(name), V1);
            http.registerOk(subject(name), WITH_DEFAULT);
        }
        http.put("/config/" + subject("transitive-value"), json("compatibility", "BACKWARD_TRANSITIVE"));

        assertThat(http.register(subject("plain-value"), WITHOUT_DEFAULT).status()).isEqualTo(200);
        Response transitive = http.register(subject("transitive-value"), WITHOUT_DEFAULT);
        assertThat(transitive.status()).isEqualTo(409);
        assertThat(transitive.message()).contains("version 1");
    }

    @Test
    void shouldRefuseRemovingFieldWithoutDefaultUnderForwardButNotUnderBackward() {
        // Old readers of WITHOUT_DEFAULT need "count"; V1 data lacks it.
        http.registerOk(subject("backward-value"), WITHOUT_DEFAULT);
        http.registerOk(subject("forward-value"), WITHOUT_DEFAULT);
        http.put("/config/" + subject("forward-value"), json("compatibility", "FORWARD"));

        assertThat(http.register(subject("backward-value"), V1).status()).isEqualTo(200);
        assertThat(http.register(subject("forward-value"), V1).status()).isEqualTo(409);
    }

    @Test
    void shouldRequireBothDirectionsWhenGlobalLevelIsFull() {
        // The global level is shared state: this test gets a registry of its own.
        try (EmbeddedSchemaRegistry own = EmbeddedSchemaRegistry.start(EmbeddedSchemaRegistryConfig.inMemory())) {
            RegistryHttp ownHttp = new RegistryHttp(own.url());
            ownHttp.put("/config", json("compatibility", "FULL"));
            ownHttp.registerOk("images-value", V1);

            assertThat(ownHttp.register("images-value", WITHOUT_DEFAULT).status()).isEqualTo(409);
            assertThat(ownHttp.register("images-value", WITH_DEFAULT).status()).isEqualTo(200);
        }
    }

    @Test
    void shouldAnswerIsCompatibleWithMessagesOnlyWhenVerbose() {
        http.registerOk(subject("images-value"), V1);

        Response compatible = http.post(compatibility("images-value", "latest"), schemaBody(WITH_DEFAULT));
        Response incompatible = http.post(compatibility("images-value", "latest"), schemaBody(WITHOUT_DEFAULT));
        Response verbose = http.post(compatibility("images-value", "latest?verbose=true"),
                schemaBody(WITHOUT_DEFAULT));
        Response byNumber = http.post(compatibility("images-value", "1"), schemaBody(RENAMED_TYPE));

        assertThat(compatible.json().get("is_compatible").asBoolean()).isTrue();
        assertThat(incompatible.json().get("is_compatible").asBoolean()).isFalse();
        assertThat(incompatible.json().has("messages")).isFalse();
        assertThat(verbose.json().get("is_compatible").asBoolean()).isFalse();
        assertThat(texts(verbose.json().get("messages"))).anySatisfy(m -> assertThat(m).contains("count"));
        assertThat(byNumber.json().get("is_compatible").asBoolean()).isFalse();
        assertThat(ints(http.get(versions("images-value")).json())).containsExactly(1);
    }

    @Test
    void shouldTreatUnknownSubjectAsCompatibleForLatestButAnswerNotFoundForANumber() {
        http.registerOk(subject("images-value"), V1);

        Response latest = http.post(compatibility("new-value", "latest"), schemaBody(V1));
        Response noSubject = http.post(compatibility("new-value", "1"), schemaBody(V1));
        Response noVersion = http.post(compatibility("images-value", "5"), schemaBody(V1));
        Response badVersion = http.post(compatibility("images-value", "x"), schemaBody(V1));
        Response badSchema = http.post(compatibility("images-value", "latest"), schemaBody("{"));

        assertThat(latest.json().get("is_compatible").asBoolean()).isTrue();
        assertThat(noSubject.errorCode()).isEqualTo(40401);
        assertThat(noVersion.errorCode()).isEqualTo(40402);
        assertThat(badVersion.errorCode()).isEqualTo(42202);
        assertThat(badSchema.errorCode()).isEqualTo(42201);
    }

    private String subject(String name) {
        return prefix + name;
    }

    private String compatibility(String name, String version) {
        return "/compatibility/subjects/" + subject(name) + "/versions/" + version;
    }

    private String versions(String name) {
        return "/subjects/" + subject(name) + "/versions";
    }
}
