package dev.imagecensus.schemas.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.imagecensus.schemas.registry.SchemaRegistryClientConfig.CredentialsSource;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JSON over HTTP to one of several registry URLs. I/O errors, 408, 429 and 5xx move on to the next URL;
 * after a full round without an answer the round is retried with backoff, up to {@code max.retries} times.
 * Any other error answer is final and thrown as {@link SchemaRegistryException}.
 */
final class RegistryHttp {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    static final String ACCEPT = "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, "
            + "application/json; qs=0.5";

    /** A base URL without user info, its Authorization header, and its masked form for messages. */
    private record Endpoint(URI base, Optional<String> authorization, String display) {
    }

    private final List<Endpoint> endpoints;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration requestTimeout;
    private final int maxRetries;
    private final Backoff backoff;
    // Starts each round at the last URL that answered, so a dead first URL costs one timeout, not one per request.
    private final AtomicInteger preferred = new AtomicInteger();

    RegistryHttp(SchemaRegistryClientConfig config, ObjectMapper json) {
        this.endpoints = config.urls().stream().map(url -> endpoint(url, config)).toList();
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout());
        config.tls().ifPresent(tls -> builder.sslContext(SslContexts.create(tls)));
        this.http = builder.build();
        this.json = json;
        this.requestTimeout = config.requestTimeout();
        this.maxRetries = config.maxRetries();
        this.backoff = new Backoff(config.retryWait(), config.retryMaxWait());
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode post(String path, JsonNode body) {
        try {
            return send("POST", path, json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write request body", e);
        }
    }

    private JsonNode send(String method, String path, String body) {
        SchemaRegistryException last = null;
        Optional<Duration> retryAfter = Optional.empty();
        for (int round = 0; round <= maxRetries; round++) {
            if (round > 0) {
                sleep(backoff.delay(round - 1, retryAfter, ThreadLocalRandom.current().nextDouble()), method, path);
            }
            retryAfter = Optional.empty();
            int start = preferred.get();
            for (int i = 0; i < endpoints.size(); i++) {
                int index = (start + i) % endpoints.size();
                Endpoint endpoint = endpoints.get(index);
                String where = method + " " + endpoint.display() + path;
                HttpResponse<String> response;
                try {
                    response = http.send(request(endpoint, method, path, body), HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    last = new SchemaRegistryException("Cannot reach schema registry: " + where + ": " + e, e);
                    preferred.compareAndSet(index, (index + 1) % endpoints.size());
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SchemaRegistryException("Interrupted during " + where, e);
                }
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    preferred.set(index);
                    return read(response.body(), status, where);
                }
                SchemaRegistryException error = ErrorResponses.parse(json, status, response.body(), where);
                if (!isRetriable(status)) {
                    throw error;
                }
                last = error;
                Optional<Duration> asked = Backoff.parseRetryAfter(response.headers().firstValue("Retry-After"), Instant.now());
                retryAfter = asked.isPresent() && asked.get().compareTo(retryAfter.orElse(Duration.ZERO)) > 0 ? asked : retryAfter;
            }
        }
        throw last;
    }

    static boolean isRetriable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private HttpRequest request(Endpoint endpoint, String method, String path, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(endpoint.base() + path))
                .timeout(requestTimeout)
                .header("Accept", ACCEPT);
        endpoint.authorization().ifPresent(value -> builder.header("Authorization", value));
        if (body == null) {
            return builder.GET().build();
        }
        return builder.header("Content-Type", CONTENT_TYPE)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    private JsonNode read(String body, int status, String where) {
        if (body == null || body.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new SchemaRegistryException(status, status, "Unreadable JSON answer from " + where + ": " + e.getOriginalMessage());
        }
    }

    private static void sleep(Duration delay, String method, String path) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Interrupted while backing off before retrying " + method + " " + path, e);
        }
    }

    private static Endpoint endpoint(URI url, SchemaRegistryClientConfig config) {
        Optional<String> userInfo = config.credentialsSource() == CredentialsSource.USER_INFO
                ? config.userInfo()
                : Optional.ofNullable(url.getUserInfo());
        Optional<String> authorization = userInfo.map(info ->
                "Basic " + Base64.getEncoder().encodeToString(info.getBytes(StandardCharsets.UTF_8)));
        try {
            URI base = new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null);
            return new Endpoint(base, authorization, base.toString());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad registry URL " + SchemaRegistryClientConfig.masked(url.toString()), e);
        }
    }
}
