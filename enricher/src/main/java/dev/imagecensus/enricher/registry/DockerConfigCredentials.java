package dev.imagecensus.enricher.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials from a Docker {@code config.json} (a mounted {@code .dockerconfigjson} secret or
 * {@code ~/.docker/config.json}), looked up as Docker does: {@code credHelpers[registry]}, then an
 * {@code auths} entry with {@code auth} (base64 {@code user:password}) or {@code username}/{@code password},
 * then the default {@code credsStore}. Helper answers are cached per registry for the life of this object's
 * cache window, as running a process per request would be slow.
 */
public final class DockerConfigCredentials implements CredentialStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long HELPER_CACHE_NANOS = 5L * 60 * 1_000_000_000;

    private record Cached(Optional<Credentials> credentials, long until) {
    }

    private final Map<String, Credentials> auths;
    private final Map<String, String> credHelpers;
    private final String credsStore;
    private final CredentialHelper helper;
    private final Map<String, Cached> helperCache = new java.util.concurrent.ConcurrentHashMap<>();

    private DockerConfigCredentials(Map<String, Credentials> auths, Map<String, String> credHelpers, String credsStore,
                                    CredentialHelper helper) {
        this.auths = auths;
        this.credHelpers = credHelpers;
        this.credsStore = credsStore;
        this.helper = helper;
    }

    /** Reads a config.json; helpers run from {@code $PATH}. */
    public static DockerConfigCredentials load(Path configJson) {
        try {
            return parse(Files.readString(configJson, StandardCharsets.UTF_8), CredentialHelper.processes(null));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read Docker config " + configJson + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad Docker config " + configJson + ": " + e.getMessage(), e);
        }
    }

    /** Parses config.json text. */
    public static DockerConfigCredentials parse(String json, CredentialHelper helper) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        Map<String, Credentials> auths = new HashMap<>();
        root.path("auths").properties().forEach(e -> inline(e.getValue())
                .ifPresent(c -> auths.putIfAbsent(CredentialStore.normalise(e.getKey()), c)));
        Map<String, String> helpers = new HashMap<>();
        root.path("credHelpers").properties().forEach(e -> helpers.put(CredentialStore.normalise(e.getKey()),
                e.getValue().asText()));
        String store = root.path("credsStore").asText("");
        return new DockerConfigCredentials(auths, helpers, store.isEmpty() ? null : store, helper);
    }

    @Override
    public Optional<Credentials> lookup(String registry) {
        String key = CredentialStore.normalise(registry);
        String helperName = credHelpers.get(key);
        if (helperName != null) {
            return fromHelper(helperName, key);
        }
        Credentials inline = auths.get(key);
        if (inline != null) {
            return Optional.of(inline);
        }
        return credsStore == null ? Optional.empty() : fromHelper(credsStore, key);
    }

    private Optional<Credentials> fromHelper(String name, String key) {
        long now = System.nanoTime();
        Cached cached = helperCache.get(name + " " + key);
        if (cached != null && cached.until() - now > 0) {
            return cached.credentials();
        }
        // Docker asks helpers for Docker Hub under its legacy index URL, for others under the bare host.
        String serverUrl = key.equals(RegistryHosts.DOCKER_HUB) ? RegistryHosts.DOCKER_HUB_CONFIG_KEY : key;
        Optional<Credentials> answer = helper.get(name, serverUrl);
        helperCache.put(name + " " + key, new Cached(answer, now + HELPER_CACHE_NANOS));
        return answer;
    }

    private static Optional<Credentials> inline(JsonNode entry) {
        String auth = entry.path("auth").asText("");
        if (!auth.isEmpty()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            return colon <= 0 ? Optional.empty()
                    : Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
        }
        String user = entry.path("username").asText("");
        String password = entry.path("password").asText("");
        return user.isEmpty() || password.isEmpty() ? Optional.empty() : Optional.of(new Credentials(user, password));
    }

    @Override
    public String toString() {
        return "DockerConfigCredentials[registries=" + auths.keySet() + ", credHelpers=" + credHelpers
                + ", credsStore=" + credsStore + "]";
    }
}
