package dev.imagecensus.embedded.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The pusher's side of registry auth: basic, or a bearer token per scope fetched from the challenge's realm. */
final class PushAuth {

    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String basic;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private volatile boolean useBasic;

    PushAuth(HttpClient http, String username, String password) {
        this.http = http;
        this.basic = username == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpRequest.Builder authorize(HttpRequest.Builder request, String scope) {
        String token = tokens.get(scope);
        if (token != null) {
            request.setHeader("Authorization", "Bearer " + token);
        } else if (useBasic && basic != null) {
            request.setHeader("Authorization", basic);
        }
        return request;
    }

    /** Learns from a 401 challenge; true when a retry with new authorization makes sense. */
    boolean answer(HttpResponse<?> unauthorized, String scope) throws IOException, InterruptedException {
        String challenge = unauthorized.headers().firstValue("WWW-Authenticate").orElse("");
        if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
            boolean first = !useBasic;
            useBasic = true;
            return first && basic != null;
        }
        if (!challenge.regionMatches(true, 0, "Bearer", 0, 6) || tokens.containsKey(scope)) {
            return false;
        }
        Map<String, String> params = new HashMap<>();
        Matcher m = PARAM.matcher(challenge);
        while (m.find()) {
            params.put(m.group(1), m.group(2));
        }
        URI uri = URI.create(params.get("realm") + "?service=" + encode(params.getOrDefault("service", ""))
                + "&scope=" + encode(scope));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (basic != null) {
            request.header("Authorization", basic);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token server answered " + response.statusCode() + " for " + scope);
        }
        JsonNode body = JSON.readTree(response.body());
        tokens.put(scope, body.path("token").asText(body.path("access_token").asText()));
        return true;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
