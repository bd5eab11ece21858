package dev.imagecensus.enricher.registry;

import dev.imagecensus.schemas.avro.Existence;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * One registry API call: politeness and retries ({@link Retrier}), auth ({@link Authenticator}: one fresh
 * answer per 401, never a loop), redirects followed by hand so credentials never go to another host (blob
 * storage such as S3 rejects them), and the final status turned into an answer. 401/403/404 are answers.
 */
final class RegistryHttp {

    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_ERROR_BODY = 2048;

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
            String detail = "HTTP " + status + errorBody(exchange);
            exchange.close();
            return RegistryResult.failed(classify(status, exchange.headers(), registry), detail);
        }
    }

    private Existence classify(int status, HttpHeaders headers, String registry) {
        if (status == 401) {
            boolean scope = Challenge.preferred(headers.allValues("WWW-Authenticate"))
                    .map(c -> c.error().equals("insufficient_scope")).orElse(false);
            // Authenticated but not allowed is authorization; anonymous and refused means log in first.
            return scope && authenticator.hasCredentials(registry) ? Existence.AUTHORIZATION_FAILURE
                    : Existence.AUTHENTICATION_FAILURE;
        }
        if (status == 403) {
            return Existence.AUTHORIZATION_FAILURE;
        }
        if (status == 404) {
            return Existence.ABSENT;
        }
        return status >= 500 ? Existence.REGISTRY_UNAVAILABLE : Existence.UNKNOWN_ERROR;
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

    /** A short excerpt of an error body (registries explain in JSON), best effort. */
    private static String errorBody(Exchange exchange) {
        try {
            byte[] bytes = exchange.readAtMost(MAX_ERROR_BODY);
            String text = new String(bytes, 0, Math.min(bytes.length, MAX_ERROR_BODY), StandardCharsets.UTF_8)
                    .replaceAll("\\s+", " ").trim();
            return text.isEmpty() ? "" : ": " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        } catch (IOException e) {
            return "";
        }
    }
}
