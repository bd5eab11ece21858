package dev.imagecensus.aggregator.http;

import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another aggregator instance's HTTP port for its part of an answer. Every forwarded call carries
 * {@code local=true}, so the receiver answers from its own stores and never forwards again (no loops).
 */
final class PeerClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** {@code path?query&local=true} on {@code host}; empty on 404. @throws QueryUnavailableException otherwise */
    <T> Optional<T> get(HostInfo host, String path, Map<String, String> query, JavaType type) {
        String q = ImageFilter.encode(query);
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + path + "?" + (q.isEmpty() ? "" : q + "&")
                + "local=true");
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new QueryUnavailableException("instance " + host + " answered " + response.statusCode() + " for " + path);
            }
            return Optional.of(Json.MAPPER.readValue(response.body(), type));
        } catch (IOException e) {
            throw new QueryUnavailableException("instance " + host + " unreachable for " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryUnavailableException("interrupted asking " + host, e);
        }
    }

    /** A path segment, percent-encoded (a canonical reference holds {@code /}, {@code :} and {@code @}). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
