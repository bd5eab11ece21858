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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SubjectsEndpointTest {

    private static final String USER_V1 = record("User", field("name", "string"));
    private static final String USER_V2 = record("User", field("name", "string"), field("age", "int", "0"));

    @RegisterExtension
    static final RegistryExtension REGISTRY = new RegistryExtension();

    private final RegistryHttp http = REGISTRY.http();
    private final String prefix = REGISTRY.unique("subjects");
    private final String users = prefix + ".users-value";
    private final String other = prefix + ".other-value";
    private final String audit = prefix + ".audit-value";

    @Test
    void shouldReturnSameIdWithoutNewVersionWhenSameSchemaRegisteredAgainWithOtherWhitespace() {
        int first = http.registerOk(users, USER_V1);

        String reformatted = new Schema.Parser().parse(USER_V1).toString(true); // pretty-printed
        int second = http.registerOk(users, reformatted);

        assertThat(second).isEqualTo(first);
        assertThat(ints(http.get(versions(users)).json())).containsExactly(1);
    }

    @Test
    void shouldReuseGlobalIdWhenSameSchemaRegisteredUnderAnotherSubject() {
        int inUsers = http.registerOk(users, USER_V1);
        int inOther = http.registerOk(other, record("Other", field("x", "long")));

        int inAudit = http.registerOk(audit, USER_V1);

        assertThat(inAudit).isEqualTo(inUsers);
        assertThat(inOther).isNotEqualTo(inUsers);
        assertThat(http.get(versions(audit) + "/1").json().get("id").asInt()).isEqualTo(inUsers);
    }

    @Test
    void shouldAnswerSubjectVersionIdAndSchemaWhenRegisteredSchemaLookedUp() {
        http.registerOk(users, USER_V1);
        int id = http.registerOk(users, USER_V2);

        Response found = http.post("/subjects/" + users, schemaBody(USER_V2));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("subject").asText()).isEqualTo(users);
        assertThat(found.json().get("version").asInt()).isEqualTo(2);
        assertThat(found.json().get("id").asInt()).isEqualTo(id);
        assertThat(new Schema.Parser().parse(found.json().get("schema").asText()))
                .isEqualTo(new Schema.Parser().parse(USER_V2));
    }

    @Test
    void shouldAnswer40401Or40403WhenLookupFindsNoSubjectOrNoSchema() {
        http.registerOk(users, USER_V1);

        Response noSubject = http.post("/subjects/" + other, schemaBody(USER_V1));
        Response noSchema = http.post("/subjects/" + users, schemaBody(USER_V2));

        assertThat(noSubject.status()).isEqualTo(404);
        assertThat(noSubject.errorCode()).isEqualTo(40401);
        assertThat(noSchema.status()).isEqualTo(404);
        assertThat(noSchema.errorCode()).isEqualTo(40403);
    }

    @Test
    void shouldServeSchemaByIdAndAnswer40403WhenIdUnknown() {
        int id = http.registerOk(users, USER_V1);

        Response known = http.get("/schemas/ids/" + id);
        Response unknown = http.get("/schemas/ids/" + Integer.MAX_VALUE);
        Response notANumber = http.get("/schemas/ids/abc");

        assertThat(new Schema.Parser().parse(known.json().get("schema").asText()))
                .isEqualTo(new Schema.Parser().parse(USER_V1));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo(40403);
        assertThat(notANumber.errorCode()).isEqualTo(40403);
    }

    @Test
    void shouldListSubjectsSortedAndVersionsWhenSeveralRegistered() {
        http.registerOk(users, USER_V1);
        http.registerOk(audit, USER_V1);
        http.registerOk(audit, USER_V2);

        assertThat(texts(http.get("/subjects").json())).containsSubsequence(audit, users);
        assertThat(ints(http.get(versions(audit)).json())).containsExactly(1, 2);
    }

    @Test
    void shouldAnswerVersionWhenAskedByNumberLatestOrMinusOne() {
        http.registerOk(users, USER_V1);
        int id2 = http.registerOk(users, USER_V2);

        JsonNode first = http.get(versions(users) + "/1").json();
        JsonNode latest = http.get(versions(users) + "/latest").json();
        JsonNode minusOne = http.get(versions(users) + "/-1").json();
        JsonNode raw = http.get(versions(users) + "/2/schema").json();

        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("id").asInt()).isEqualTo(id2);
        assertThat(latest.get("subject").asText()).isEqualTo(users);
        assertThat(minusOne).isEqualTo(latest);
        assertThat(raw.get("name").asText()).isEqualTo("User");
    }

    @Test
    void shouldAnswer40401And40402And42202WhenVersionCannotBeServed() {
        http.registerOk(users, USER_V1);

        Response noSubject = http.get(versions(other) + "/1");
        Response noVersions = http.get(versions(other));
        Response noVersion = http.get(versions(users) + "/7");
        Response word = http.get(versions(users) + "/first");
        Response zero = http.get(versions(users) + "/0");

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
        int id1 = http.registerOk(users, USER_V1);
        http.registerOk(users, USER_V2);

        Response deleted = http.delete("/subjects/" + users);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(ints(deleted.json())).containsExactly(1, 2);
        assertThat(texts(http.get("/subjects").json())).doesNotContain(users);
        assertThat(texts(http.get("/subjects?deleted=true").json())).contains(users);
        assertThat(http.get(versions(users)).errorCode()).isEqualTo(40401);
        assertThat(http.post("/subjects/" + users, schemaBody(USER_V1)).errorCode()).isEqualTo(40401);
        assertThat(http.get("/schemas/ids/" + id1).status()).isEqualTo(200);
        assertThat(http.delete("/subjects/" + users).errorCode()).isEqualTo(40401);

        // Registering again keeps the global id and continues the numbering after the deleted versions.
        assertThat(http.registerOk(users, USER_V1)).isEqualTo(id1);
        assertThat(ints(http.get(versions(users)).json())).containsExactly(3);
    }

    @Test
    void shouldSoftDeleteOneVersionWhenDeletedByNumber() {
        http.registerOk(users, USER_V1);
        http.registerOk(users, USER_V2);

        Response deleted = http.delete(versions(users) + "/1");

        assertThat(deleted.json().asInt()).isEqualTo(1);
        assertThat(ints(http.get(versions(users)).json())).containsExactly(2);
        assertThat(ints(http.get(versions(users) + "?deleted=true").json())).containsExactly(1, 2);
        assertThat(http.get(versions(users) + "/1").errorCode()).isEqualTo(40402);
        assertThat(http.get(versions(users) + "/1?deleted=true").status()).isEqualTo(200);
    }

    @Test
    void shouldRefusePermanentDeleteWhenAskedForIt() {
        http.registerOk(users, USER_V1);

        Response permanent = http.delete("/subjects/" + users + "?permanent=true");

        assertThat(permanent.status()).isEqualTo(501);
        assertThat(ints(http.get(versions(users)).json())).containsExactly(1);
    }

    @Test
    void shouldAnswer42201WhenSchemaInvalidOrNotAvro() {
        Response notJson = http.register(users, "{\"type\": \"record\", \"name\":");
        Response unknownType = http.register(users, record("User", field("name", "strnig")));
        Response badDefault = http.register(users, record("User", field("age", "int", "\"x\"")));
        Response empty = http.post(versions(users), RegistryHttp.json("other", "x"));
        Response protobuf = http.post(versions(users),
                schemaBody("syntax = \"proto3\"; message M {}").put("schemaType", "PROTOBUF"));

        for (Response r : List.of(notJson, unknownType, badDefault, empty, protobuf)) {
            assertThat(r.status()).as(r.toString()).isEqualTo(422);
            assertThat(r.errorCode()).as(r.toString()).isEqualTo(42201);
        }
        assertThat(protobuf.message()).contains("PROTOBUF").contains("only AVRO");
        assertThat(texts(http.get("/subjects").json())).doesNotContain(users);
    }

    @Test
    void shouldAcceptExplicitAvroTypeAndPrimitiveSchemas() {
        int id = http.registerOk(other, "\"string\"");
        Response typed = http.post(versions(users), schemaBody(USER_V1).put("schemaType", "AVRO"));

        assertThat(typed.status()).isEqualTo(200);
        assertThat(http.get("/schemas/ids/" + id).json().get("schema").asText()).isEqualTo("\"string\"");
    }

    private static String versions(String subject) {
        return "/subjects/" + subject + "/versions";
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
