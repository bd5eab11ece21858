package dev.imagecensus.embedded.registry;

import static dev.imagecensus.embedded.registry.RegistryHttp.field;
import static dev.imagecensus.embedded.registry.RegistryHttp.record;
import static dev.imagecensus.embedded.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imagecensus.embedded.registry.RegistryHttp.Response;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubjectsEndpointTest {

    private static final String USER_V1 = record("User", field("name", "string"));
    private static final String USER_V2 = record("User", field("name", "string"), field("age", "int", "0"));

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
    void shouldReturnSameIdWithoutNewVersionWhenSameSchemaRegisteredAgainWithOtherWhitespace() {
        int first = http.registerOk("users-value", USER_V1);

        String reformatted = new Schema.Parser().parse(USER_V1).toString(true); // pretty-printed
        int second = http.registerOk("users-value", reformatted);

        assertThat(second).isEqualTo(first).isEqualTo(1);
        assertThat(ints(http.get("/subjects/users-value/versions").json())).containsExactly(1);
    }

    @Test
    void shouldReuseGlobalIdWhenSameSchemaRegisteredUnderAnotherSubject() {
        int inUsers = http.registerOk("users-value", USER_V1);
        int other = http.registerOk("other-value", record("Other", field("x", "long")));

        int inAudit = http.registerOk("audit-value", USER_V1);

        assertThat(inAudit).isEqualTo(inUsers);
        assertThat(other).isNotEqualTo(inUsers);
        assertThat(http.get("/subjects/audit-value/versions/1").json().get("id").asInt()).isEqualTo(inUsers);
    }

    @Test
    void shouldAnswerSubjectVersionIdAndSchemaWhenRegisteredSchemaLookedUp() {
        http.registerOk("users-value", USER_V1);
        int id = http.registerOk("users-value", USER_V2);

        Response found = http.post("/subjects/users-value", schemaBody(USER_V2));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("subject").asText()).isEqualTo("users-value");
        assertThat(found.json().get("version").asInt()).isEqualTo(2);
        assertThat(found.json().get("id").asInt()).isEqualTo(id);
        assertThat(new Schema.Parser().parse(found.json().get("schema").asText()))
                .isEqualTo(new Schema.Parser().parse(USER_V2));
    }

    @Test
    void shouldAnswer40401Or40403WhenLookupFindsNoSubjectOrNoSchema() {
        http.registerOk("users-value", USER_V1);

        Response noSubject = http.post("/subjects/nobody-value", schemaBody(USER_V1));
        Response noSchema = http.post("/subjects/users-value", schemaBody(USER_V2));

        assertThat(noSubject.status()).isEqualTo(404);
        assertThat(noSubject.errorCode()).isEqualTo(40401);
        assertThat(noSchema.status()).isEqualTo(404);
        assertThat(noSchema.errorCode()).isEqualTo(40403);
    }

    @Test
    void shouldServeSchemaByIdAndAnswer40403WhenIdUnknown() {
        int id = http.registerOk("users-value", USER_V1);

        Response known = http.get("/schemas/ids/" + id);
        Response unknown = http.get("/schemas/ids/999");
        Response notANumber = http.get("/schemas/ids/abc");

        assertThat(new Schema.Parser().parse(known.json().get("schema").asText()))
                .isEqualTo(new Schema.Parser().parse(USER_V1));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo(40403);
        assertThat(notANumber.errorCode()).isEqualTo(40403);
    }

    @Test
    void shouldListSubjectsAndVersionsWhenSeveralRegistered() {
        http.registerOk("b-value", USER_V1);
        http.registerOk("a-value", USER_V1);
        http.registerOk("a-value", USER_V2);

        assertThat(texts(http.get("/subjects").json())).containsExactly("a-value", "b-value");
        assertThat(ints(http.get("/subjects/a-value/versions").json())).containsExactly(1, 2);
    }

    @Test
    void shouldAnswerVersionWhenAskedByNumberLatestOrMinusOne() {
        http.registerOk("users-value", USER_V1);
        int id2 = http.registerOk("users-value", USER_V2);

        JsonNode first = http.get("/subjects/users-value/versions/1").json();
        JsonNode latest = http.get("/subjects/users-value/versions/latest").json();
        JsonNode minusOne = http.get("/subjects/users-value/versions/-1").json();
        JsonNode raw = http.get("/subjects/users-value/versions/2/schema").json();

        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("id").asInt()).isEqualTo(id2);
        assertThat(latest.get("subject").asText()).isEqualTo("users-value");
        assertThat(minusOne).isEqualTo(latest);
        assertThat(raw.get("name").asText()).isEqualTo("User");
    }

    @Test
    void shouldAnswer40401And40402And42202WhenVersionCannotBeServed() {
        http.registerOk("users-value", USER_V1);

        Response noSubject = http.get("/subjects/nobody-value/versions/1");
        Response noVersions = http.get("/subjects/nobody-value/versions");
        Response noVersion = http.get("/subjects/users-value/versions/7");
        Response word = http.get("/subjects/users-value/versions/first");
        Response zero = http.get("/subjects/users-value/versions/0");

        assertThat(noSubject.errorCode()).isEqualTo(40401);
        assertThat(noVersions.errorCode()).isEqualTo(40401);
        assertThat(noVersion.status()).isEqualTo(404);
        assertThat(noVersion.errorCode()).isEqualTo(40402);
        assertThat(word.status()).isEqualTo(422);
        assertThat(word.errorCode()).isEqualTo(42202);
        assertThat(zero.errorCode()).isEqualTo(42202);
    }

    @Test
    void shouldHideSubjectButKeepIdsResolvableWhenSoftDeleted() {
        int id1 = http.registerOk("users-value", USER_V1);
        http.registerOk("users-value", USER_V2);

        Response deleted = http.delete("/subjects/users-value");

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(ints(deleted.json())).containsExactly(1, 2);
        assertThat(texts(http.get("/subjects").json())).isEmpty();
        assertThat(texts(http.get("/subjects?deleted=true").json())).containsExactly("users-value");
        assertThat(http.get("/subjects/users-value/versions").errorCode()).isEqualTo(40401);
        assertThat(http.post("/subjects/users-value", schemaBody(USER_V1)).errorCode()).isEqualTo(40401);
        assertThat(http.get("/schemas/ids/" + id1).status()).isEqualTo(200);
        assertThat(http.delete("/subjects/users-value").errorCode()).isEqualTo(40401);

        // Registering again keeps the global id and continues the numbering after the deleted versions.
        assertThat(http.registerOk("users-value", USER_V1)).isEqualTo(id1);
        assertThat(ints(http.get("/subjects/users-value/versions").json())).containsExactly(3);
    }

    @Test
    void shouldSoftDeleteOneVersionWhenDeletedByNumber() {
        http.registerOk("users-value", USER_V1);
        http.registerOk("users-value", USER_V2);

        Response deleted = http.delete("/subjects/users-value/versions/1");

        assertThat(deleted.json().asInt()).isEqualTo(1);
        assertThat(ints(http.get("/subjects/users-value/versions").json())).containsExactly(2);
        assertThat(ints(http.get("/subjects/users-value/versions?deleted=true").json())).containsExactly(1, 2);
        assertThat(http.get("/subjects/users-value/versions/1").errorCode()).isEqualTo(40402);
        assertThat(http.get("/subjects/users-value/versions/1?deleted=true").status()).isEqualTo(200);
    }

    @Test
    void shouldRefusePermanentDeleteWhenAskedForIt() {
        http.registerOk("users-value", USER_V1);

        Response permanent = http.delete("/subjects/users-value?permanent=true");

        assertThat(permanent.status()).isEqualTo(501);
        assertThat(ints(http.get("/subjects/users-value/versions").json())).containsExactly(1);
    }

    @Test
    void shouldAnswer42201WhenSchemaInvalidOrNotAvro() {
        Response notJson = http.register("users-value", "{\"type\": \"record\", \"name\":");
        Response unknownType = http.register("users-value", record("User", field("name", "strnig")));
        Response badDefault = http.register("users-value", record("User", field("age", "int", "\"x\"")));
        Response empty = http.post("/subjects/users-value/versions", RegistryHttp.json("other", "x"));
        Response protobuf = http.post("/subjects/users-value/versions",
                schemaBody("syntax = \"proto3\"; message M {}").put("schemaType", "PROTOBUF"));

        for (Response r : List.of(notJson, unknownType, badDefault, empty, protobuf)) {
            assertThat(r.status()).as(r.toString()).isEqualTo(422);
            assertThat(r.errorCode()).as(r.toString()).isEqualTo(42201);
        }
        assertThat(protobuf.message()).contains("PROTOBUF").contains("only AVRO");
        assertThat(texts(http.get("/subjects").json())).isEmpty();
    }

    @Test
    void shouldAcceptExplicitAvroTypeAndPrimitiveSchemas() {
        int id = http.registerOk("key", "\"string\"");
        Response typed = http.post("/subjects/users-value/versions", schemaBody(USER_V1).put("schemaType", "AVRO"));

        assertThat(id).isEqualTo(1);
        assertThat(typed.status()).isEqualTo(200);
        assertThat(http.get("/schemas/ids/1").json().get("schema").asText()).isEqualTo("\"string\"");
    }

    static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asInt()));
        return values;
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }
}
