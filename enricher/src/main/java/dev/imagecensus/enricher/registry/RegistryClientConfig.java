package dev.imagecensus.enricher.registry;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Settings of a {@link RegistryClient}. Immutable; build with {@link #builder()}.
 *
 * @param insecureRegistries registries (host[:port]) spoken to over plain HTTP; every other one is HTTPS
 * @param sslContext         trust for HTTPS registries (see {@link TrustMaterial}); null for the JDK default
 * @param credentials        where credentials come from
 * @param connectTimeout     TCP/TLS connect
 * @param requestTimeout     until response headers arrive
 */
public record RegistryClientConfig(Set<String> insecureRegistries, SSLContext sslContext, CredentialStore credentials,
                                   Limits limits, Politeness politeness, RetryPolicy retry, Duration connectTimeout,
                                   Duration requestTimeout, String userAgent, RegistryListener listener) {

    public RegistryClientConfig {
        insecureRegistries = Set.copyOf(insecureRegistries);
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(politeness, "politeness");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(listener, "listener");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with sensible defaults: anonymous, HTTPS only, default limits, politeness and retries. */
    public static final class Builder {
        private Set<String> insecureRegistries = Set.of();
        private SSLContext sslContext;
        private CredentialStore credentials = CredentialStore.anonymous();
        private Limits limits = Limits.defaults();
        private Politeness politeness = Politeness.defaults();
        private RetryPolicy retry = RetryPolicy.defaults();
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(20);
        private String userAgent = "image-census";
        private RegistryListener listener = RegistryListener.NONE;

        private Builder() {
        }

        public Builder insecureRegistries(Set<String> registries) {
            this.insecureRegistries = registries;
            return this;
        }

        public Builder sslContext(SSLContext context) {
            this.sslContext = context;
            return this;
        }

        public Builder credentials(CredentialStore store) {
            this.credentials = store;
            return this;
        }

        public Builder limits(Limits value) {
            this.limits = value;
            return this;
        }

        public Builder politeness(Politeness value) {
            this.politeness = value;
            return this;
        }

        public Builder retry(RetryPolicy value) {
            this.retry = value;
            return this;
        }

        public Builder timeouts(Duration connect, Duration request) {
            this.connectTimeout = connect;
            this.requestTimeout = request;
            return this;
        }

        public Builder userAgent(String value) {
            this.userAgent = value;
            return this;
        }

        public Builder listener(RegistryListener value) {
            this.listener = value;
            return this;
        }

        public RegistryClientConfig build() {
            return new RegistryClientConfig(insecureRegistries, sslContext, credentials, limits, politeness, retry,
                    connectTimeout, requestTimeout, userAgent, listener);
        }
    }
}
