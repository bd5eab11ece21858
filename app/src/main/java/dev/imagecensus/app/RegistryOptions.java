package dev.imagecensus.app;

import dev.imagecensus.enricher.RegistrySettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import picocli.CommandLine.Option;

/** How image inspection reaches container registries; shared by {@code enricher} and {@code inventory --classify}. */
final class RegistryOptions {

    @Option(names = "--docker-config", defaultValue = "${env:DOCKER_CONFIG_FILE}",
            description = "Docker config.json with registry credentials (auths, credsStore, credHelpers).")
    Path dockerConfig;

    @Option(names = "--insecure-registries", split = ",", description = "Registries (host:port) reached over plain HTTP.")
    List<String> insecureRegistries = new ArrayList<>();

    @Option(names = "--registry-ca", description = "PEM bundle of extra CAs registries may present.")
    Path registryCa;

    @Option(names = "--platform", defaultValue = "linux/amd64",
            description = "Platform inspected in multi-platform images (default: ${DEFAULT-VALUE}).")
    String platform;

    /** The validated settings; a bad file or value is an IllegalArgumentException naming the flag. */
    RegistrySettings settings() {
        RegistrySettings registry = RegistrySettings.defaults()
                .withInsecureRegistries(new HashSet<>(insecureRegistries))
                .withPlatform(platform);
        if (dockerConfig != null) {
            registry = registry.withDockerConfig(dockerConfig);
        }
        if (registryCa != null) {
            registry = registry.withCaCertificates(registryCa);
        }
        return registry;
    }
}
