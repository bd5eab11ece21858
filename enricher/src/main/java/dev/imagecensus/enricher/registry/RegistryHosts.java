package dev.imagecensus.enricher.registry;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a registry's API lives: Docker Hub's references say {@code docker.io} but its API is
 * {@code registry-1.docker.io}; everything is HTTPS except registries listed as insecure. Pure.
 */
final class RegistryHosts {

    static final String DOCKER_HUB = "docker.io";
    static final String DOCKER_HUB_API = "registry-1.docker.io";
    /** The key Docker's config.json uses for Docker Hub. */
    static final String DOCKER_HUB_CONFIG_KEY = "https://index.docker.io/v1/";

    private final Set<String> insecure;

    RegistryHosts(Set<String> insecureRegistries) {
        this.insecure = insecureRegistries.stream().map(r -> r.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** {@code https://registry-1.docker.io} for {@code docker.io}; {@code http://host:port} for insecure ones. */
    URI apiBase(String registry) {
        String host = apiHost(registry);
        boolean plain = insecure.contains(registry.toLowerCase(Locale.ROOT)) || insecure.contains(host.toLowerCase(Locale.ROOT));
        return URI.create((plain ? "http://" : "https://") + host);
    }

    static String apiHost(String registry) {
        String r = registry.toLowerCase(Locale.ROOT);
        return r.equals(DOCKER_HUB) || r.equals("index.docker.io") ? DOCKER_HUB_API : registry;
    }

    static boolean isDockerHub(String registry) {
        String r = registry.toLowerCase(Locale.ROOT);
        return r.equals(DOCKER_HUB) || r.equals("index.docker.io") || r.equals(DOCKER_HUB_API);
    }
}
