package dev.imagecensus.embedded.oci;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Docker token server (the {@code auth.token} realm of docker-registry): checks basic credentials and issues
 * RS256 JWTs with an {@code x5c} header, signed with the committed test key the registry trusts. Users:
 * {@value #PUSHER} may pull and push anywhere, {@value #READER} may pull anything outside {@code restricted/},
 * anonymous callers may pull {@code public/} only. Wrong passwords get 401. Counts the tokens it issues per
 * user, so tests can see whether a client fetched a token or reused one.
 */
public final class TokenServer implements AutoCloseable {

    public static final String SERVICE = "image-census-registry";
    public static final String ISSUER = "image-census-test-issuer";
    public static final String PUSHER = "census";
    public static final String PUSHER_PASSWORD = "census-secret";
    public static final String READER = "reader";
    public static final String READER_PASSWORD = "reader-secret";
    /** The key of {@link #tokensIssued(String)} for callers without credentials. */
    public static final String ANONYMOUS = "";
    static final int TOKEN_SECONDS = 300;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> PASSWORDS = Map.of(PUSHER, PUSHER_PASSWORD, READER, READER_PASSWORD);

    private final HttpServer server;
    private final TokenSigner signer = new TokenSigner();
    private final Map<String, AtomicInteger> issued = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();

    private TokenServer(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free loopback port. */
    public static TokenServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TokenServer tokens = new TokenServer(server);
            server.createContext("/token", tokens::handle);
            server.setExecutor(Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "token-server");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return tokens;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the token server", e);
        }
    }

    /** The realm URL the registry sends clients to. */
    public String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** Tokens issued so far to {@code user} ({@link #ANONYMOUS} for callers without credentials). */
    public int tokensIssued(String user) {
        AtomicInteger count = issued.get(user);
        return count == null ? 0 : count.get();
    }

    /** Requests refused for bad credentials. */
    public int refusals() {
        return refused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String user = authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
            if (user == null) {
                refused.incrementAndGet();
                respond(exchange, 401, Map.of("details", "bad credentials"));
                return;
            }
            List<Map<String, Object>> access = new ArrayList<>();
            for (String scope : query(exchange.getRequestURI().getRawQuery(), "scope")) {
                grant(user, scope).ifPresent(access::add);
            }
            issued.computeIfAbsent(user, u -> new AtomicInteger()).incrementAndGet();
            String token = signer.sign(user, access, TOKEN_SECONDS);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("token", token);
            body.put("access_token", token);
            body.put("expires_in", TOKEN_SECONDS);
            body.put("issued_at", Instant.now().toString());
            respond(exchange, 200, body);
        }
    }

    /** The user name, {@link #ANONYMOUS} without credentials, null for wrong credentials. */
    private static String authenticate(String authorization) {
        if (authorization == null) {
            return ANONYMOUS;
        }
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String user = decoded.substring(0, colon);
        return decoded.substring(colon + 1).equals(PASSWORDS.get(user)) ? user : null;
    }

    private static Optional<Map<String, Object>> grant(String user, String scope) {
        String[] parts = scope.split(":");
        if (parts.length != 3 || !parts[0].equals("repository")) {
            return Optional.empty();
        }
        String repository = parts[1];
        List<String> wanted = List.of(parts[2].split(","));
        List<String> allowed = switch (user) {
            case PUSHER -> List.of("pull", "push", "delete", "*");
            case READER -> repository.startsWith("restricted/") ? List.of() : List.of("pull");
            default -> repository.startsWith("public/") ? List.of("pull") : List.of();
        };
        List<String> actions = wanted.stream().filter(allowed::contains).toList();
        if (user.equals(PUSHER) && wanted.contains("push")) {
            actions = List.of("pull", "push", "delete"); // DELETE needs the delete action in registry 2.8
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("type", "repository");
        entry.put("name", repository);
        entry.put("actions", actions);
        return Optional.of(entry);
    }

    private static List<String> query(String rawQuery, String name) {
        List<String> values = new ArrayList<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name)) {
                    values.add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
