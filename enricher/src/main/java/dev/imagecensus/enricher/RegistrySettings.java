package dev.imagecensus.enricher;

import dev.imagecensus.enricher.classify.PlatformSpec;
import dev.imagecensus.enricher.registry.CredentialStore;
import dev.imagecensus.enricher.registry.DockerConfigCredentials;
import dev.imagecensus.enricher.registry.Limits;
import dev.imagecensus.enricher.registry.Politeness;
import dev.imagecensus.enricher.registry.RegistryClientConfig;
import dev.imagecensus.enricher.registry.RegistryListener;
import dev.imagecensus.enricher.registry.RetryPolicy;
import dev.imagecensus.enricher.registry.TrustMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * How the enricher talks to container registries, validated when built; errors name the flag.
 *
 * @param dockerConfig       a Docker {@code config.json} (a mounted secret) with {@code auths}, {@code credHelpers},
 *                           {@code credsStore}; null for anonymous access ({@code --docker-config})
 * @param insecureRegistries registries ({@code host[:port]}) spoken to over plain HTTP ({@code --insecure-registries})
 * @param caCertificates     a PEM bundle trusted on top of the JDK's CAs, null for none ({@code --registry-ca})
 * @param platform           the platform inspected in multi-platform images ({@code --platform}, default linux/amd64)
 * @param layerCacheBytes    memory for the per-layer facts cache ({@code --layer-cache-bytes})
 * @param limits             bounds against hostile registries (manifest size, layer bytes, ratio, time per image)
 * @param politeness         per-registry concurrency cap and token bucket
 * @param retry              retries of 429/5xx/I/O errors
 */
public record RegistrySettings(Path dockerConfig, Set<String> insecureRegistries, Path caCertificates,
                               PlatformSpec platform, long layerCacheBytes, Limits limits, Politeness politeness,
                               RetryPolicy retry) {

    /** 64 MiB: some ten thousand typical layers. */
    public static final long DEFAULT_LAYER_CACHE_BYTES = 64L << 20;

    public RegistrySettings {
        insecureRegistries = Set.copyOf(insecureRegistries);
        if (dockerConfig != null && !Files.isReadable(dockerConfig)) {
            throw new IllegalArgumentException("--docker-config " + dockerConfig + " is not a readable file");
        }
        if (caCertificates != null && !Files.isReadable(caCertificates)) {
            throw new IllegalArgumentException("--registry-ca " + caCertificates + " is not a readable file");
        }
        insecureRegistries.stream().filter(r -> r.isBlank() || r.contains("/")).findFirst().ifPresent(r -> {
            throw new IllegalArgumentException("--insecure-registries entry '" + r + "' must be host[:port]");
        });
        Objects.requireNonNull(platform, "platform");
        if (layerCacheBytes <= 0) {
            throw new IllegalArgumentException("--layer-cache-bytes must be positive, got " + layerCacheBytes);
        }
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(politeness, "politeness");
        Objects.requireNonNull(retry, "retry");
    }

    /** Anonymous, HTTPS only, linux/amd64, default bounds, politeness and retries. */
    public static RegistrySettings defaults() {
        return new RegistrySettings(null, Set.of(), null, PlatformSpec.LINUX_AMD64, DEFAULT_LAYER_CACHE_BYTES,
                Limits.defaults(), Politeness.defaults(), RetryPolicy.defaults());
    }

    public RegistrySettings withDockerConfig(Path value) {
        return new RegistrySettings(value, insecureRegistries, caCertificates, platform, layerCacheBytes, limits,
                politeness, retry);
    }

    public RegistrySettings withInsecureRegistries(Set<String> value) {
        return new RegistrySettings(dockerConfig, value, caCertificates, platform, layerCacheBytes, limits,
                politeness, retry);
    }

    public RegistrySettings withCaCertificates(Path value) {
        return new RegistrySettings(dockerConfig, insecureRegistries, value, platform, layerCacheBytes, limits,
                politeness, retry);
    }

    /** @param value {@code os/arch[/variant]} */
    public RegistrySettings withPlatform(String value) {
        PlatformSpec parsed;
        try {
            parsed = PlatformSpec.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--platform " + e.getMessage(), e);
        }
        return new RegistrySettings(dockerConfig, insecureRegistries, caCertificates, parsed, layerCacheBytes, limits,
                politeness, retry);
    }

    public RegistrySettings withLayerCacheBytes(long value) {
        return new RegistrySettings(dockerConfig, insecureRegistries, caCertificates, platform, value, limits,
                politeness, retry);
    }

    public RegistrySettings withLimits(Limits value) {
        return new RegistrySettings(dockerConfig, insecureRegistries, caCertificates, platform, layerCacheBytes, value,
                politeness, retry);
    }

    public RegistrySettings withPoliteness(Politeness value) {
        return new RegistrySettings(dockerConfig, insecureRegistries, caCertificates, platform, layerCacheBytes, limits,
                value, retry);
    }

    public RegistrySettings withRetry(RetryPolicy value) {
        return new RegistrySettings(dockerConfig, insecureRegistries, caCertificates, platform, layerCacheBytes, limits,
                politeness, value);
    }

    /** The registry client's configuration: credentials and trust loaded now, so a bad file fails the start. */
    public RegistryClientConfig clientConfig(RegistryListener listener) {
        CredentialStore credentials = dockerConfig == null ? CredentialStore.anonymous()
                : DockerConfigCredentials.load(dockerConfig);
        RegistryClientConfig.Builder builder = RegistryClientConfig.builder().insecureRegistries(insecureRegistries)
                .credentials(credentials).limits(limits).politeness(politeness).retry(retry).listener(listener);
        if (caCertificates != null) {
            builder.sslContext(TrustMaterial.withPemCertificates(caCertificates));
        }
        return builder.build();
    }
}
