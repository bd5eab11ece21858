package dev.imagecensus.enricher.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagecensus.schemas.avro.Existence;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers registry auth challenges: Basic with the registry's credentials, Bearer by fetching a token for
 * {@code repository:<name>:pull} from the challenge's realm (with basic credentials when there are some),
 * cached per credentials ({@link TokenCache}). Remembers each registry's challenge, so later requests carry
 * their authorization up front instead of collecting a 401 first.
 */
final class Authenticator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TOKEN_RESPONSE = 1 << 20;
    private static final long DEFAULT_TOKEN_SECONDS = 60; // the token spec's default for a missing expires_in

    private final CredentialStore credentials;
    private final Retrier retrier;
    private final Duration requestTimeout;
    private final TokenCache tokens = new TokenCache();
    private final Map<String, Challenge> challenges = new ConcurrentHashMap<>();

    Authenticator(CredentialStore credentials, Retrier retrier, Duration requestTimeout) {
        this.credentials = credentials;
        this.retrier = retrier;
        this.requestTimeout = requestTimeout;
    }

    /** The Authorization header to send up front for {@code scope}, or null. */
    String authorization(String registry, String scope) {
        Challenge challenge = challenges.get(registry);
        if (challenge == null) {
            return null;
        }
        Optional<Credentials> creds = credentials.lookup(registry);
        if (challenge.isBasic()) {
            return creds.map(Credentials::basicHeader).orElse(null);
        }
        String token = tokens.get(key(registry, challenge, scope, creds), System.nanoTime());
        return token == null ? null : "Bearer " + token;
    }

    /**
     * After a 401: learns the challenge and obtains fresh authorization (a new token, never the cached one,
     * which the registry just refused). Found holds the Authorization header to retry with.
     */
    RegistryResult<String> answer(String registry, String scope, HttpHeaders unauthorized, Deadline deadline)
            throws InterruptedException {
        Optional<Challenge> parsed = Challenge.preferred(unauthorized.allValues("WWW-Authenticate"));
        if (parsed.isEmpty()) {
            return RegistryResult.failed(Existence.AUTHENTICATION_FAILURE, "401 without a usable WWW-Authenticate challenge");
        }
        Challenge challenge = parsed.get();
        challenges.put(registry, challenge);
        Optional<Credentials> creds = credentials.lookup(registry);
        if (challenge.isBasic()) {
            return creds.<RegistryResult<String>>map(c -> RegistryResult.found(c.basicHeader()))
                    .orElseGet(() -> RegistryResult.failed(Existence.AUTHENTICATION_FAILURE,
                            "registry requires credentials (basic auth) and none are configured"));
        }
        TokenCache.Key key = key(registry, challenge, scope, creds);
        tokens.remove(key);
        return fetchToken(registry, challenge, scope, creds, deadline).map(token -> {
            tokens.put(key, token.value(), token.expiresAtNanos(), System.nanoTime());
            return "Bearer " + token.value();
        });
    }

    /** Whether {@code registry} is known to want a token or basic auth (false before its first challenge). */
    boolean knowsChallenge(String registry) {
        return challenges.containsKey(registry);
    }

    /** Whether credentials are configured for {@code registry}. */
    boolean hasCredentials(String registry) {
        return credentials.lookup(registry).isPresent();
    }

    private record Token(String value, long expiresAtNanos) {
    }

    private RegistryResult<Token> fetchToken(String registry, Challenge challenge, String scope,
                                             Optional<Credentials> creds, Deadline deadline) throws InterruptedException {
        URI uri;
        try {
            String service = challenge.service() == null ? "" : "service=" + encode(challenge.service()) + "&";
            String realm = challenge.realm();
            uri = URI.create(realm + (realm.contains("?") ? "&" : "?") + service + "scope=" + encode(scope));
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new IllegalArgumentException("not http(s)");
            }
        } catch (IllegalArgumentException e) {
            return RegistryResult.failed(Existence.UNKNOWN_ERROR, "bad token realm '" + challenge.realm() + "'");
        }
        RegistryResult<Exchange> response = retrier.call(registry, "GET", deadline, () -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(deadline.cap(requestTimeout));
            creds.ifPresent(c -> request.header("Authorization", c.basicHeader()));
            return request.build();
        });
        return response.flatMap(exchange -> {
            try (exchange) {
                return tokenFrom(exchange.status(), exchange.readAtMost(MAX_TOKEN_RESPONSE), registry);
            } catch (IOException e) {
                return RegistryResult.failed(Existence.REGISTRY_UNAVAILABLE,
                        "token server of " + registry + ": " + Retrier.describe(e));
            }
        });
    }

    private static RegistryResult<Token> tokenFrom(int status, byte[] body, String registry) {
        if (status == 401) {
            return RegistryResult.failed(Existence.AUTHENTICATION_FAILURE, "token server of " + registry + " refused the credentials (401)");
        }
        if (status == 403) {
            return RegistryResult.failed(Existence.AUTHORIZATION_FAILURE, "token server of " + registry + " denied access (403)");
        }
        if (status != 200) {
            return RegistryResult.failed(Existence.UNKNOWN_ERROR, "token server of " + registry + " answered HTTP " + status);
        }
        try {
            if (body.length > MAX_TOKEN_RESPONSE) {
                return RegistryResult.failed(Existence.UNKNOWN_ERROR, "token server of " + registry + " sent over 1 MiB");
            }
            JsonNode json = JSON.readTree(body);
            String token = json.path("token").asText(json.path("access_token").asText(""));
            if (token.isEmpty()) {
                return RegistryResult.failed(Existence.UNKNOWN_ERROR, "token server of " + registry + " sent no token");
            }
            long seconds = Math.max(1, json.path("expires_in").asLong(DEFAULT_TOKEN_SECONDS));
            // Renew a little early so a token never expires between cache lookup and use.
            long lifetime = Duration.ofSeconds(seconds).toNanos() * 9 / 10;
            return RegistryResult.found(new Token(token, System.nanoTime() + lifetime));
        } catch (IOException e) {
            return RegistryResult.failed(Existence.UNKNOWN_ERROR, "token server of " + registry + " sent unreadable JSON");
        }
    }

    private static TokenCache.Key key(String registry, Challenge challenge, String scope, Optional<Credentials> creds) {
        return new TokenCache.Key(registry, challenge.realm(), challenge.service(), scope,
                creds.map(Credentials::fingerprint).orElse("anonymous"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
