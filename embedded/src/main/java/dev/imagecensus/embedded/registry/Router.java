package dev.imagecensus.embedded.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches method and path to an {@link Endpoint} and speaks Confluent's HTTP conventions: JSON in and out
 * ({@code application/vnd.schemaregistry.v1+json}, or {@code application/json} when that is all the client
 * accepts) and errors as {@code {"error_code": N, "message": "..."}}.
 */
final class Router implements HttpHandler {

    static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    private static final Set<String> REQUEST_TYPES = Set.of(V1_JSON, "application/vnd.schemaregistry+json",
            "application/json", "application/octet-stream");
    private static final Logger log = LoggerFactory.getLogger(Router.class);

    /** Handles one matched request; returns what is sent back as JSON with status 200. */
    @FunctionalInterface
    interface Endpoint {
        Object handle(Call call);
    }

    /** A matched request: the path's {@code *} segments in order, the query and the body. */
    record Call(List<String> params, Map<String, String> query, byte[] body, ObjectMapper json) {
        String param(int index) {
            return params.get(index);
        }

        boolean flag(String name) {
            return Boolean.parseBoolean(query.get(name));
        }

        JsonNode jsonBody() {
            try {
                JsonNode node = json.readTree(body);
                if (node == null || !node.isObject()) {
                    throw RegistryException.http(400, "Bad Request: the body must be a JSON object");
                }
                return node;
            } catch (IOException e) {
                throw new RegistryException(400, 400, "Unreadable JSON body: " + e.getMessage(), e);
            }
        }
    }

    private record Route(String method, List<String> pattern, Endpoint endpoint) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final ObjectMapper json;

    Router(ObjectMapper json) {
        this.json = json;
    }

    /** @param pattern a path with {@code *} for each variable segment, e.g. {@code /subjects/{@literal *}/versions} */
    Router route(String method, String pattern, Endpoint endpoint) {
        routes.add(new Route(method, segments(pattern), endpoint));
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String contentType = responseType(exchange.getRequestHeaders().getFirst("Accept"));
            try {
                respond(exchange, 200, contentType, dispatch(exchange));
            } catch (RegistryException e) {
                respond(exchange, e.httpStatus(), contentType, error(e.errorCode(), e.getMessage()));
            } catch (RuntimeException e) {
                log.error("Unexpected failure on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                respond(exchange, 500, contentType, error(500, "Internal error: " + e));
            }
        }
    }

    private Object dispatch(HttpExchange exchange) throws IOException {
        List<String> path = segments(exchange.getRequestURI().getRawPath());
        boolean pathKnown = false;
        for (Route route : routes) {
            List<String> params = match(route.pattern(), path);
            if (params == null) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(exchange.getRequestMethod())) {
                checkRequestType(exchange.getRequestHeaders().getFirst("Content-Type"));
                Call call = new Call(params, query(exchange.getRequestURI().getRawQuery()), read(exchange), json);
                return route.endpoint().handle(call);
            }
        }
        throw pathKnown ? RegistryException.http(405, "Method Not Allowed") : RegistryException.http(404, "Not Found");
    }

    private static List<String> match(List<String> pattern, List<String> path) {
        if (pattern.size() != path.size()) {
            return null;
        }
        List<String> params = new ArrayList<>();
        for (int i = 0; i < pattern.size(); i++) {
            if (pattern.get(i).equals("*")) {
                params.add(decode(path.get(i)));
            } else if (!pattern.get(i).equals(path.get(i))) {
                return null;
            }
        }
        return params;
    }

    private static void checkRequestType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!REQUEST_TYPES.contains(mediaType)) {
            throw RegistryException.http(415, "Unsupported Media Type");
        }
    }

    /** The registry's own type unless the client accepts plain JSON only. */
    static String responseType(String accept) {
        if (accept == null) {
            return V1_JSON;
        }
        String lower = accept.toLowerCase(Locale.ROOT);
        boolean wantsRegistryType = lower.contains("application/vnd.schemaregistry") || lower.contains("*/*");
        return !wantsRegistryType && lower.contains("application/json") ? "application/json" : V1_JSON;
    }

    private void respond(HttpExchange exchange, int status, String contentType, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, Object> error(int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", code);
        body.put("message", message);
        return body;
    }

    private static byte[] read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private static List<String> segments(String rawPath) {
        return Arrays.stream(rawPath.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        return query;
    }

    /** Percent-decoding only: in a path a '+' is a plus, not a space. */
    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
