package dev.imagecensus.enricher.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagecensus.enricher.classify.ExistenceMapper;
import dev.imagecensus.enricher.classify.RegistryOutcome;
import dev.imagecensus.schemas.avro.Existence;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * One registry API call: politeness and retries ({@link Retrier}), auth ({@link Authenticator}: one fresh
 * answer per 401, never a loop), redirects followed by hand so credentials never go to another host (blob
 * storage such as S3 rejects them), and the final status (and OCI error code) turned into an answer by the
 * classifier's {@link ExistenceMapper}. 401/403/404 are answers.
 */
final class RegistryHttp {

    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_ERROR_BODY = 2048;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryHosts hosts;
    private final Retrier retrier;
    private final Authenticator authenticator;
    private final Duration requestTimeout;
    private final String userAgent;

    RegistryHttp(RegistryHosts hosts, Retrier retrier, Authenticator authenticator, Duration requestTimeout, String userAgent) {
        this.hosts = hosts;
        this.retrier = retrier;
        this.authenticator = authenticator;
        this.requestTimeout = requestTimeout;
        this.userAgent = userAgent;
    }

    /** Found holds a 2xx response; close it. */
    RegistryResult<Exchange> send(String registry, String repository, String method, String path, String accept,
                                  Deadline deadline) throws InterruptedException {
        String scope = "repository:" + repository + ":pull";
        URI base = hosts.apiBase(registry);
        URI uri = base.resolve(path);
        String authorization = authenticator.authorization(registry, scope);
        boolean answered = false;
        for (int redirects = 0; ; ) {
            URI target = uri;
            String auth = sameOrigin(target, base) ? authorization : null;
            RegistryResult<Exchange> result = retrier.call(registry, method, deadline,
                    () -> request(method, target, accept, auth, deadline));
            if (!(result instanceof RegistryResult.Found<Exchange> found)) {
                return result;
            }
            Exchange exchange = found.value();
            int status = exchange.status();
            if (status >= 200 && status < 300) {
                return result;
            }
            String location = exchange.header("Location");
            if (status >= 300 && status < 400 && location != null) {
                exchange.close();
                if (++redirects > MAX_REDIRECTS) {
                    return RegistryResult.failed(Existence.UNKNOWN_ERROR, "more than " + MAX_REDIRECTS + " redirects");
                }
                uri = target.resolve(location);
                continue;
            }
            if (status == 401 && !answered && sameOrigin(target, base)) {
                answered = true;
                HttpHeaders headers = exchange.headers();
                exchange.close();
                RegistryResult<String> answer = authenticator.answer(registry, scope, headers, deadline);
                if (!(answer instanceof RegistryResult.Found<String> header)) {
                    return ((RegistryResult.Failed<String>) answer).cast();
                }
                authorization = header.value();
                continue;
            }
            byte[] body = errorBody(exchange);
            exchange.close();
            return RegistryResult.failed(classify(status, exchange.headers(), registry, body), "HTTP " + status + excerpt(body));
        }
    }

    private Existence classify(int status, HttpHeaders headers, String registry, byte[] body) {
        if (status == 401) {
            boolean scope = Challenge.preferred(headers.allValues("WWW-Authenticate"))
                    .map(c -> c.error().equals("insufficient_scope")).orElse(false);
            // Authenticated but not allowed is authorization; anonymous and refused means log in first.
            if (scope && authenticator.hasCredentials(registry)) {
                return Existence.AUTHORIZATION_FAILURE;
            }
        }
        Existence existence = ExistenceMapper.map(new RegistryOutcome.Http(status, errorCode(body)));
        // A 2xx never gets here: it was returned as found. Only a 3xx without Location could.
        return existence == Existence.AVAILABLE ? Existence.UNKNOWN_ERROR : existence;
    }

    private HttpRequest request(String method, URI uri, String accept, String authorization, Deadline deadline) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(deadline.cap(requestTimeout))
                .header("User-Agent", userAgent);
        if (accept != null) {
            builder.header("Accept", accept);
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }

    private static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme()) && Objects.equals(a.getAuthority(), b.getAuthority());
    }

    /** The start of an error body (registries explain in JSON), best effort. */
    private static byte[] errorBody(Exchange exchange) {
        try {
            byte[] bytes = exchange.readAtMost(MAX_ERROR_BODY);
            return bytes.length > MAX_ERROR_BODY ? Arrays.copyOf(bytes, MAX_ERROR_BODY) : bytes;
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        return text.isEmpty() ? "" : ": " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }

    /** The first OCI error code ({@code {"errors":[{"code":"MANIFEST_UNKNOWN"}]}}), null when there is none. */
    static String errorCode(byte[] body) {
        try {
            JsonNode code = JSON.readTree(body).path("errors").path(0).path("code");
            return code.isTextual() ? code.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null; // not JSON: no code, the status decides
        }
    }
}
