package dev.imagecensus.embedded.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A bare {@link HttpClient} speaking to the registry as any Confluent client would. */
final class RegistryHttp {

    static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    RegistryHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    record Response(int status, JsonNode json, String contentType) {
        int errorCode() {
            return json.path("error_code").asInt();
        }

        String message() {
            return json.path("message").asText();
        }
    }

    Response get(String path) {
        return send("GET", path, null, V1_JSON, V1_JSON);
    }

    Response delete(String path) {
        return send("DELETE", path, null, V1_JSON, V1_JSON);
    }

    Response post(String path, JsonNode body) {
        return send("POST", path, body.toString(), V1_JSON, V1_JSON);
    }

    Response put(String path, JsonNode body) {
        return send("PUT", path, body.toString(), V1_JSON, V1_JSON);
    }

    /** {@code POST /subjects/{subject}/versions}, asserting nothing: returns the answer. */
    Response register(String subject, String schema) {
        return post("/subjects/" + subject + "/versions", schemaBody(schema));
    }

    /** Registers and returns the id, failing the test on any error. */
    int registerOk(String subject, String schema) {
        Response response = register(subject, schema);
        if (response.status() != 200) {
            throw new AssertionError("register " + subject + " answered " + response);
        }
        return response.json().get("id").asInt();
    }

    Response send(String method, String path, String body, String contentType, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), json,
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode schemaBody(String schema) {
        return JSON.createObjectNode().put("schema", schema);
    }

    static ObjectNode json(String field, String value) {
        return JSON.createObjectNode().put(field, value);
    }

    /** A record schema {@code name} with the given field definitions (JSON objects). */
    static String record(String name, String... fields) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"test\",\"fields\":["
                + String.join(",", fields) + "]}";
    }

    static String field(String name, String type) {
        return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\"}";
    }

    static String field(String name, String type, String defaultJson) {
        return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"default\":" + defaultJson + "}";
    }
}
