package dev.imagecensus.enricher.registry;

import dev.imagecensus.schemas.avro.Existence;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;

/**
 * Sends one logical request with politeness and retries: a registry slot and a rate token per attempt; 408,
 * 429, 500, 502, 503, 504 and I/O errors retried with {@link Backoff}, honouring {@code Retry-After} (a 429's
 * also pauses every caller of that registry); TLS failures and every other status returned at once, as
 * answers. Only reaching the response headers counts: the body is the caller's.
 */
final class Retrier {

    /** Builds the request of one attempt. */
    @FunctionalInterface
    interface Attempt {
        HttpRequest request();
    }

    private static final Set<Integer> RETRYABLE = Set.of(408, 429, 500, 502, 503, 504);

    private final HttpClient http;
    private final RetryPolicy policy;
    private final Backoff backoff;
    private final RegistryGates gates;
    private final RegistryListener listener;
    private final Duration bodyIdleTimeout;

    Retrier(HttpClient http, RetryPolicy policy, RegistryGates gates, RegistryListener listener, Duration bodyIdleTimeout) {
        this.http = http;
        this.policy = policy;
        this.backoff = new Backoff(policy, () -> ThreadLocalRandom.current().nextDouble());
        this.gates = gates;
        this.listener = listener;
        this.bodyIdleTimeout = bodyIdleTimeout;
    }

    /** Found holds a response with a non-retryable status (2xx, 3xx, 401, 404, ...); close it. */
    RegistryResult<Exchange> call(String registry, String method, Deadline deadline, Attempt attempt)
            throws InterruptedException {
        String problem = null;
        for (int n = 1; ; n++) {
            RegistryGates.Permit permit = deadline.expired() ? null : gates.acquire(registry, deadline);
            if (permit == null) {
                return unavailable("time budget exhausted" + (problem == null ? "" : " after " + problem));
            }
            Duration retryAfter = null;
            try {
                HttpResponse<InputStream> response = http.send(attempt.request(),
                        StreamingBody.handler(bodyIdleTimeout, deadline));
                int status = response.statusCode();
                listener.onRequest(registry, method, Integer.toString(status));
                Exchange exchange = new Exchange(response, permit, registry, listener);
                if (!RETRYABLE.contains(status)) {
                    return RegistryResult.found(exchange);
                }
                exchange.close();
                problem = "HTTP " + status;
                retryAfter = RetryAfter.parse(exchange.header("Retry-After"), Instant.now());
                if (backoff.tooLong(retryAfter)) {
                    return unavailable(problem + " with Retry-After " + retryAfter.toSeconds() + " s, longer than the "
                            + policy.maxRetryAfter().toSeconds() + " s we wait");
                }
                if (status == 429 && retryAfter != null) {
                    gates.pause(registry, retryAfter.toNanos());
                }
            } catch (SSLException e) {
                permit.close();
                listener.onRequest(registry, method, "tls_error");
                return unavailable("TLS failure: " + e.getMessage());
            } catch (HttpTimeoutException e) {
                permit.close();
                listener.onRequest(registry, method, "timeout");
                problem = "no response headers in time";
            } catch (IOException e) {
                permit.close();
                listener.onRequest(registry, method, "io_error");
                problem = describe(e);
            } catch (IllegalArgumentException e) {
                permit.close();
                return RegistryResult.failed(Existence.UNKNOWN_ERROR, "bad request: " + e.getMessage());
            }
            if (n >= policy.maxAttempts()) {
                return unavailable(problem + " (" + n + " attempts)");
            }
            Duration delay = backoff.delay(n, retryAfter);
            if (delay.compareTo(deadline.remaining()) >= 0) {
                return unavailable(problem + "; no time left to retry");
            }
            Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
        }
    }

    private static RegistryResult<Exchange> unavailable(String detail) {
        return RegistryResult.failed(Existence.REGISTRY_UNAVAILABLE, detail);
    }

    static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
