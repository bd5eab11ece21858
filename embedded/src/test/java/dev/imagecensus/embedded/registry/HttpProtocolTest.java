package dev.imagecensus.embedded.registry;

import static dev.imagecensus.embedded.registry.RegistryHttp.V1_JSON;
import static dev.imagecensus.embedded.registry.RegistryHttp.field;
import static dev.imagecensus.embedded.registry.RegistryHttp.record;
import static dev.imagecensus.embedded.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.embedded.registry.RegistryHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpProtocolTest {

    private static final String SCHEMA = record("User", field("name", "string"));

    @RegisterExtension
    static final RegistryExtension REGISTRY = new RegistryExtension();

    private final RegistryHttp http = REGISTRY.http();

    @Test
    void shouldReportBoundPortInUrlWhenStartedOnPortZero() {
        EmbeddedSchemaRegistry registry = REGISTRY.registry();

        assertThat(registry.port()).isPositive();
        assertThat(registry.url()).isEqualTo("http://127.0.0.1:" + registry.port());
    }

    @Test
    void shouldAnswer404WithErrorBodyWhenPathUnknown() {
        Response unknown = http.get("/nothing/here");
        Response tooDeep = http.get("/subjects/a/versions/1/schema/more");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo(404);
        assertThat(tooDeep.status()).isEqualTo(404);
    }

    @Test
    void shouldAnswer405WhenMethodNotSupportedOnKnownPath() {
        Response response = http.send("PATCH", "/subjects", "{}", V1_JSON, V1_JSON);

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.errorCode()).isEqualTo(405);
    }

    @Test
    void shouldAcceptPlainJsonAndAnswerPlainJsonWhenThatIsAllTheClientAccepts() {
        String subject = REGISTRY.unique("protocol") + ".users-value";
        Response response = http.send("POST", "/subjects/" + subject + "/versions", schemaBody(SCHEMA).toString(),
                "application/json", "application/json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(http.get("/subjects").contentType()).isEqualTo(V1_JSON);
    }

    @Test
    void shouldAnswer415WhenBodyIsNotJson() {
        Response response = http.send("POST", "/subjects/users-value/versions", "schema=x", "text/plain", V1_JSON);

        assertThat(response.status()).isEqualTo(415);
    }

    @Test
    void shouldAnswer400WhenBodyIsMalformedJson() {
        Response response = http.send("POST", "/subjects/users-value/versions", "{not json", V1_JSON, V1_JSON);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo(400);
    }

    @Test
    void shouldDecodePercentEncodedSubjectNames() {
        String team = REGISTRY.unique("team");
        int id = http.registerOk(team + "%2Fimages-value", SCHEMA);

        assertThat(SubjectsEndpointTest.texts(http.get("/subjects").json())).contains(team + "/images-value")
                .doesNotContain(team + "%2Fimages-value");
        assertThat(http.get("/subjects/" + team + "%2Fimages-value/versions/latest").json().get("id").asInt()).isEqualTo(id);
    }
}
