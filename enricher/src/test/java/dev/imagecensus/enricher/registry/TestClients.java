package dev.imagecensus.enricher.registry;

import dev.imagecensus.embedded.oci.DockerRegistryProcess;
import dev.imagecensus.embedded.oci.SyntheticImage;
import dev.imagecensus.schemas.reference.ImageReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Clients and references for the ITs. */
final class TestClients {

    private TestClients() {
    }

    /** A config for a fixture registry: plain HTTP allowed for it, or its test CA trusted. */
    static RegistryClientConfig.Builder config(DockerRegistryProcess registry) {
        RegistryClientConfig.Builder builder = RegistryClientConfig.builder()
                .retry(new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(5)));
        return registry.tls() ? builder.sslContext(registry.sslContext())
                : builder.insecureRegistries(Set.of(registry.host()));
    }

    static RegistryClient client(DockerRegistryProcess registry, CredentialStore credentials, RegistryListener listener) {
        return new RegistryClient(config(registry).credentials(credentials).listener(listener).build());
    }

    static ImageReference ref(DockerRegistryProcess registry, SyntheticImage image) {
        return ImageReference.parse(image.reference(registry.host()));
    }

    static CredentialStore credentials(DockerRegistryProcess registry, String user, String password) {
        return CredentialStore.of(java.util.Map.of(registry.host(), new Credentials(user, password)));
    }

    /** Collects every entry of every layer it is offered; content for os-release files. */
    static final class Collecting implements LayerVisitor {
        final List<LayerEntry> entries = new ArrayList<>();
        final List<LayerScan> scans = new ArrayList<>();
        private final Predicate<String> skip;

        Collecting(Predicate<String> skipDigest) {
            this.skip = skipDigest;
        }

        Collecting() {
            this(d -> false);
        }

        @Override
        public Predicate<String> wantsContent() {
            return path -> path.endsWith("os-release") || path.endsWith("openssl.cnf");
        }

        @Override
        public LayerEntryHandler open(Descriptor layer) {
            return skip.test(layer.digest()) ? null : (entry, data) -> entries.add(entry);
        }

        @Override
        public void closed(Descriptor layer, LayerScan scan) {
            scans.add(scan);
        }

        LayerEntry entry(String path) {
            return entries.stream().filter(e -> e.path().equals(path)).findFirst()
                    .orElseThrow(() -> new AssertionError("no entry " + path + " in " + entries));
        }
    }
}
