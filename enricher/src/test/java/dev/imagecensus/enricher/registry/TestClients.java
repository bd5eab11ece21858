package dev.imagecensus.enricher.registry;

import dev.imagecensus.embedded.oci.DockerRegistryProcess;
import dev.imagecensus.embedded.oci.SyntheticImage;
import dev.imagecensus.enricher.classify.EntryType;
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

    /** A tar entry as a test saw it: normalised path, and the first bytes of files it wanted. */
    record Seen(String path, EntryType type, String linkTarget, byte[] content) {
    }

    /** A handler adding every entry to {@code seen}, with up to {@code maxContent} bytes of wanted files. */
    static LayerEntryHandler collect(List<Seen> seen, Predicate<String> wants, int maxContent) {
        return (entry, data) -> {
            String path = entry.normalizedPath();
            byte[] content = entry.type() == EntryType.FILE && wants.test(path) ? data.readNBytes(maxContent) : null;
            seen.add(new Seen(path, entry.type(), entry.linkTarget(), content));
            return true;
        };
    }

    /** Collects every entry of every layer it is offered; content for os-release files. */
    static final class Collecting implements LayerVisitor {
        final List<Seen> entries = new ArrayList<>();
        final List<LayerScan> scans = new ArrayList<>();
        private final Predicate<String> skip;

        Collecting(Predicate<String> skipDigest) {
            this.skip = skipDigest;
        }

        Collecting() {
            this(d -> false);
        }

        @Override
        public LayerEntryHandler open(Descriptor layer) {
            return skip.test(layer.digest()) ? null
                    : collect(entries, path -> path.endsWith("os-release") || path.endsWith("openssl.cnf"), 1 << 20);
        }

        @Override
        public void closed(Descriptor layer, LayerScan scan) {
            scans.add(scan);
        }

        Seen entry(String path) {
            return entries.stream().filter(e -> e.path().equals(path)).findFirst()
                    .orElseThrow(() -> new AssertionError("no entry " + path + " in " + entries));
        }
    }
}
