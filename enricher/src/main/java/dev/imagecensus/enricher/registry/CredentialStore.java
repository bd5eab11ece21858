package dev.imagecensus.enricher.registry;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where credentials for a registry come from: nothing (anonymous), a fixed map, Docker's config.json, ... */
@FunctionalInterface
public interface CredentialStore {

    /** Credentials for {@code registry} (a host[:port] as in image references), empty for anonymous access. */
    Optional<Credentials> lookup(String registry);

    static CredentialStore anonymous() {
        return registry -> Optional.empty();
    }

    /** Fixed credentials by registry host; {@code docker.io} also matches its API host and index.docker.io. */
    static CredentialStore of(Map<String, Credentials> byRegistry) {
        Map<String, Credentials> normalised = byRegistry.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(e -> normalise(e.getKey()), Map.Entry::getValue));
        return registry -> Optional.ofNullable(normalised.get(normalise(registry)));
    }

    /** These credentials, else {@code other}'s. */
    default CredentialStore orElse(CredentialStore other) {
        return registry -> lookup(registry).or(() -> other.lookup(registry));
    }

    /**
     * A registry key as Docker writes it ({@code https://index.docker.io/v1/}, {@code http://host:5000},
     * {@code host:5000/path}) reduced to {@code host[:port]}, lower case; Docker Hub's aliases become {@code docker.io}.
     */
    static String normalise(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        int scheme = k.indexOf("://");
        if (scheme >= 0) {
            k = k.substring(scheme + 3);
        }
        int slash = k.indexOf('/');
        if (slash >= 0) {
            k = k.substring(0, slash);
        }
        return RegistryHosts.isDockerHub(k) ? RegistryHosts.DOCKER_HUB : k;
    }
}
