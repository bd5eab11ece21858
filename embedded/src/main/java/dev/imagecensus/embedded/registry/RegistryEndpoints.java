package dev.imagecensus.embedded.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagecensus.embedded.registry.Router.Call;
import dev.imagecensus.embedded.registry.StoreRecord.SchemaVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Confluent REST resources: request JSON in, {@link RegistryService} call, Confluent's response shape out. */
final class RegistryEndpoints {

    private final RegistryService service;
    private final ObjectMapper json;

    RegistryEndpoints(RegistryService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    Router router() {
        return new Router(json)
                .route("GET", "/", call -> Map.of())
                .route("GET", "/schemas/types", call -> List.of("AVRO"))
                .route("GET", "/schemas/ids/*", this::schemaById)
                .route("GET", "/subjects", call -> service.subjects(call.flag("deleted")))
                .route("POST", "/subjects/*", this::lookup)
                .route("DELETE", "/subjects/*", this::deleteSubject)
                .route("GET", "/subjects/*/versions", call -> service.versions(call.param(0), call.flag("deleted")))
                .route("POST", "/subjects/*/versions", this::register)
                .route("GET", "/subjects/*/versions/*", call -> versionBody(version(call)))
                .route("GET", "/subjects/*/versions/*/schema", call -> readJson(version(call).schema()))
                .route("DELETE", "/subjects/*/versions/*",
                        call -> service.deleteVersion(call.param(0), VersionId.parse(call.param(1))))
                .route("POST", "/compatibility/subjects/*/versions/*", this::checkCompatibility)
                .route("GET", "/config", call -> levelBody(service.globalLevel()))
                .route("PUT", "/config", call -> updateLevel(null, call))
                .route("GET", "/config/*", this::subjectLevel)
                .route("PUT", "/config/*", call -> updateLevel(call.param(0), call))
                .route("DELETE", "/config/*", call -> levelBody(service.deleteSubjectLevel(call.param(0))));
    }

    private Object register(Call call) {
        JsonNode body = schemaRequest(call);
        int id = service.register(call.param(0), text(body, "schema"), text(body, "schemaType"));
        return Map.of("id", id);
    }

    private Object lookup(Call call) {
        JsonNode body = schemaRequest(call);
        return versionBody(service.lookup(call.param(0), text(body, "schema"), text(body, "schemaType"),
                call.flag("deleted")));
    }

    private Object schemaById(Call call) {
        int id;
        try {
            id = Integer.parseInt(call.param(0));
        } catch (NumberFormatException e) {
            throw RegistryException.schemaNotFound("'" + call.param(0) + "' is not a schema id");
        }
        return Map.of("schema", service.schemaById(id));
    }

    private Object deleteSubject(Call call) {
        if (call.flag("permanent")) {
            throw new RegistryException(501, 501, "Permanent deletion is not supported by the embedded registry;"
                    + " a soft delete (without permanent=true) hides the subject and keeps its ids resolvable");
        }
        return service.deleteSubject(call.param(0));
    }

    private SchemaVersion version(Call call) {
        return service.version(call.param(0), VersionId.parse(call.param(1)), call.flag("deleted"));
    }

    private Object checkCompatibility(Call call) {
        VersionId version = VersionId.parse(call.param(1));
        JsonNode body = schemaRequest(call);
        List<String> problems = service.checkCompatibility(call.param(0), version, text(body, "schema"),
                text(body, "schemaType"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("is_compatible", problems.isEmpty());
        if (call.flag("verbose")) {
            result.put("messages", problems);
        }
        return result;
    }

    private Object subjectLevel(Call call) {
        String subject = call.param(0);
        CompatibilityLevel level = call.flag("defaultToGlobal")
                ? service.subjectLevel(subject).orElseGet(service::globalLevel)
                : service.subjectLevel(subject).orElseThrow(() -> RegistryException.subjectConfigNotFound(subject));
        return levelBody(level);
    }

    /** PUT answers with the request's own shape, {@code {"compatibility": ...}}, as Confluent does. */
    private Object updateLevel(String subject, Call call) {
        String requested = text(call.jsonBody(), "compatibility");
        CompatibilityLevel level = CompatibilityLevel.parse(requested)
                .orElseThrow(() -> RegistryException.invalidCompatibilityLevel(requested));
        service.setLevel(subject, level);
        return Map.of("compatibility", level.name());
    }

    private static JsonNode schemaRequest(Call call) {
        JsonNode body = call.jsonBody();
        JsonNode references = body.get("references");
        if (references != null && references.isArray() && !references.isEmpty()) {
            throw RegistryException.invalidSchema("Schema references are not supported by the embedded registry", null);
        }
        return body;
    }

    private static Map<String, Object> versionBody(SchemaVersion v) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", v.subject());
        body.put("version", v.version());
        body.put("id", v.id());
        body.put("schema", v.schema());
        return body;
    }

    private static Map<String, Object> levelBody(CompatibilityLevel level) {
        return Map.of("compatibilityLevel", level.name());
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private JsonNode readJson(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
