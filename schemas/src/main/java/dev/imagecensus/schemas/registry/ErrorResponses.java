package dev.imagecensus.schemas.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns an error answer into a {@link SchemaRegistryException}, from Confluent's {@code {"error_code", "message"}} body. */
final class ErrorResponses {

    private static final int MAX_BODY_IN_MESSAGE = 200;

    private ErrorResponses() {
    }

    /**
     * @param where the request, e.g. {@code GET http://registry:8081/schemas/ids/7}, for the message
     */
    static SchemaRegistryException parse(ObjectMapper json, int status, String body, String where) {
        JsonNode node = readOrNull(json, body);
        if (node != null && node.path("error_code").canConvertToInt()) {
            String message = node.path("message").asText("no message");
            return new SchemaRegistryException(status, node.get("error_code").asInt(), message + " [" + where + "]");
        }
        // Not a registry answer (a proxy, load balancer or ingress spoke): keep the HTTP status as the code.
        return new SchemaRegistryException(status, status, "HTTP " + status + " from " + where + abbreviate(body));
    }

    private static JsonNode readOrNull(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String abbreviate(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return ": " + (flat.length() <= MAX_BODY_IN_MESSAGE ? flat : flat.substring(0, MAX_BODY_IN_MESSAGE) + "...");
    }
}
