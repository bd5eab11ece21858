package dev.imagecensus.watcher.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imagecensus.watcher.model.ResourceType;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * {@link KubeTransport} over client-java's {@link ApiClient} (its OkHttp client, base path and authentication),
 * reading bodies with {@link JsonBodies}. The client's read timeout must be 0 (watches are long-lived); each call gets
 * an overall deadline instead, so a silently dead connection cannot hang a list or a watch forever.
 */
public final class ApiClientTransport<T> implements KubeTransport<T> {

    /** Slack beyond a watch's timeoutSeconds before we consider the connection dead. */
    private static final Duration WATCH_SLACK = Duration.ofSeconds(60);
    private static final int MAX_ERROR_BODY = 4096;

    private final ResourceCalls calls;
    private final Function<JsonNode, T> decoder;
    private final Duration listTimeout;

    public ApiClientTransport(ApiClient client, ResourceType type, Function<JsonNode, T> decoder, Duration listTimeout) {
        this.calls = ResourceCalls.of(type, client);
        this.decoder = decoder;
        this.listTimeout = listTimeout;
    }

    @Override
    public ListPage<T> list(int limit, String continueToken) throws IOException {
        Call call = build(() -> calls.list(limit, continueToken));
        call.timeout().timeout(listTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try (Response response = call.execute()) {
            return JsonBodies.readList(successBody(response).byteStream(), decoder);
        }
    }

    /** Lazy: nothing is sent before the first {@link Stream#next()}, so the caller can close it from the start. */
    @Override
    public Stream<T> watch(String resourceVersion, int timeoutSeconds) throws IOException {
        Call call = build(() -> calls.watch(resourceVersion, timeoutSeconds));
        call.timeout().timeout(timeoutSeconds + WATCH_SLACK.toSeconds(), TimeUnit.SECONDS);
        return new Stream<>() {
            private volatile Response response;
            private Stream<T> events;

            @Override
            public WatchEvent<T> next() throws IOException {
                if (events == null) {
                    response = call.execute();
                    events = JsonBodies.watchEvents(successBody(response).byteStream(), decoder);
                }
                return events.next();
            }

            @Override
            public void close() {
                call.cancel(); // unblocks a reader waiting in next() on another thread
                Response open = response;
                if (open != null) {
                    open.close();
                }
            }
        };
    }

    private static ResponseBody successBody(Response response) throws IOException {
        ResponseBody body = response.body();
        if (response.isSuccessful() && body != null) {
            return body;
        }
        String text = "";
        if (body != null) {
            BufferedSource source = body.source();
            source.request(MAX_ERROR_BODY);
            text = source.getBuffer().readUtf8(Math.min(MAX_ERROR_BODY, source.getBuffer().size()));
        }
        JsonNode status = JsonBodies.tryParse(text);
        String message = status.isObject() ? JsonBodies.statusMessage(status) : text;
        throw new KubeApiException(response.code(), message, retryAfter(response.header("Retry-After")));
    }

    private static Optional<Duration> retryAfter(String header) {
        try {
            return header == null ? Optional.empty() : Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            return Optional.empty();
        }
    }

    private interface CallBuilder {
        Call build() throws ApiException;
    }

    private static Call build(CallBuilder builder) throws IOException {
        try {
            return builder.build();
        } catch (ApiException e) {
            throw new IOException("cannot build request: " + e.getMessage(), e);
        }
    }
}
