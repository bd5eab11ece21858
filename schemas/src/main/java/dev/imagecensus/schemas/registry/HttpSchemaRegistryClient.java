package dev.imagecensus.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * {@link SchemaRegistryClient} over the Confluent REST API with the JDK HTTP client.
 * Caches id → schema and (subject, schema) → id for the client's lifetime (registry ids are immutable),
 * and each subject's latest version for {@code latest.cache.ttl.sec}. Thread-safe: share one per process.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    private static final int MAX_REFERENCE_DEPTH = 32;

    private record SubjectSchema(String subject, Schema schema) {
    }

    private final SchemaRegistryClientConfig config;
    private final ObjectMapper json = new ObjectMapper();
    private final RegistryHttp http;
    private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final ConcurrentMap<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
    private final LatestVersionCache latestVersions;

    public HttpSchemaRegistryClient(SchemaRegistryClientConfig config) {
        this.config = config;
        this.http = new RegistryHttp(config, json);
        this.latestVersions = new LatestVersionCache(config.latestCacheTtl(), System::nanoTime);
    }

    /**
     * A client from Confluent-named settings ({@code schema.registry.url}, {@code basic.auth.*},
     * {@code schema.registry.ssl.*}, ...), see {@link SchemaRegistryClientConfig}.
     *
     * @throws org.apache.kafka.common.config.ConfigException naming the missing or bad key
     */
    public static SchemaRegistryClient fromConfig(Map<String, ?> configs) {
        return new HttpSchemaRegistryClient(SchemaRegistryClientConfig.parse(configs));
    }

    public SchemaRegistryClientConfig config() {
        return config;
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = http.post(subjectPath(subject) + "/versions", schemaBody(schema));
        int id = requiredInt(answer, "id", "register under " + subject);
        remember(key, id);
        latestVersions.invalidate(subject);
        return id;
    }

    @Override
    public int lookup(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = http.post(subjectPath(subject), schemaBody(schema));
        int id = requiredInt(answer, "id", "lookup under " + subject);
        remember(key, id);
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        Schema schema = parseSchema(http.get("/schemas/ids/" + id), "schema id " + id);
        Schema previous = schemasById.putIfAbsent(id, schema);
        return previous != null ? previous : schema;
    }

    @Override
    public SubjectVersion latest(String subject) {
        return latestVersions.get(subject, s -> fetchVersion(s, "latest"));
    }

    @Override
    public SubjectVersion version(String subject, int version) {
        return fetchVersion(subject, Integer.toString(version));
    }

    @Override
    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        http.get("/subjects").forEach(node -> subjects.add(node.asText()));
        return List.copyOf(subjects);
    }

    @Override
    public List<Integer> versions(String subject) {
        List<Integer> versions = new ArrayList<>();
        http.get(subjectPath(subject) + "/versions").forEach(node -> versions.add(node.asInt()));
        return List.copyOf(versions);
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        JsonNode answer = http.post("/compatibility" + subjectPath(subject) + "/versions/latest", schemaBody(schema));
        JsonNode compatible = answer.path("is_compatible");
        if (!compatible.isBoolean()) {
            throw malformed("compatibility check of " + subject, "is_compatible");
        }
        return compatible.booleanValue();
    }

    /** Drops the caches; the HTTP client itself holds no resources that need closing on Java 17. */
    @Override
    public void close() {
        schemasById.clear();
        idsBySubjectSchema.clear();
        latestVersions.clear();
    }

    @Override
    public String toString() {
        return "HttpSchemaRegistryClient[" + config + "]";
    }

    private SubjectVersion fetchVersion(String subject, String version) {
        String what = subject + " version " + version;
        JsonNode answer = http.get(subjectPath(subject) + "/versions/" + version);
        int id = requiredInt(answer, "id", what);
        Schema schema = parseSchema(answer, what);
        schemasById.putIfAbsent(id, schema);
        return new SubjectVersion(answer.path("subject").asText(subject), requiredInt(answer, "version", what), id, schema);
    }

    private void remember(SubjectSchema key, int id) {
        idsBySubjectSchema.put(key, id);
        schemasById.putIfAbsent(id, key.schema());
    }

    private ObjectNode schemaBody(Schema schema) {
        // schemaType is omitted: AVRO is the default and older registries reject the field.
        return json.createObjectNode().put("schema", schema.toString());
    }

    private Schema parseSchema(JsonNode answer, String what) {
        String type = answer.path("schemaType").asText("AVRO");
        if (!type.equals("AVRO")) {
            throw new SchemaRegistryException(200, SchemaRegistryException.INVALID_SCHEMA,
                    what + " is a " + type + " schema; only AVRO is supported");
        }
        Schema.Parser parser = new Schema.Parser();
        parseReferences(parser, answer.path("references"), what, new HashSet<>(), 0);
        return parse(parser, answer, what);
    }

    /** Confluent schema references: the referenced named types are parsed first so the schema can use them. */
    private void parseReferences(Schema.Parser parser, JsonNode references, String what, Set<String> seen, int depth) {
        if (!references.isArray() || references.isEmpty()) {
            return;
        }
        if (depth > MAX_REFERENCE_DEPTH) {
            throw new SchemaRegistryException(200, SchemaRegistryException.INVALID_SCHEMA,
                    what + ": schema references nested deeper than " + MAX_REFERENCE_DEPTH);
        }
        for (JsonNode reference : references) {
            String subject = reference.path("subject").asText();
            String version = reference.path("version").asText();
            if (seen.add(subject + "/" + version)) {
                String referenceWhat = "reference " + subject + " version " + version + " of " + what;
                JsonNode answer = http.get(subjectPath(subject) + "/versions/" + version);
                parseReferences(parser, answer.path("references"), referenceWhat, seen, depth + 1);
                parse(parser, answer, referenceWhat);
            }
        }
    }

    private static Schema parse(Schema.Parser parser, JsonNode answer, String what) {
        JsonNode text = answer.path("schema");
        if (!text.isTextual()) {
            throw malformed(what, "schema");
        }
        try {
            return parser.parse(text.asText());
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException(200, SchemaRegistryException.INVALID_SCHEMA,
                    "the registry's schema for " + what + " is not valid Avro: " + e.getMessage());
        }
    }

    private static int requiredInt(JsonNode answer, String field, String what) {
        JsonNode value = answer.path(field);
        if (!value.canConvertToInt()) {
            throw malformed(what, field);
        }
        return value.asInt();
    }

    private static SchemaRegistryException malformed(String what, String field) {
        return new SchemaRegistryException(200, 50005, "registry answer to " + what + " lacks \"" + field + "\"");
    }

    static String subjectPath(String subject) {
        return "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
