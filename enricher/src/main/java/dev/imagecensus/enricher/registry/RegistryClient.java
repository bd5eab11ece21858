package dev.imagecensus.enricher.registry;

import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.reference.ImageReference;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A small OCI Distribution client: manifests (GET with every manifest type accepted, HEAD for existence
 * re-checks), config blobs and streamed layers, with auth, politeness, retries and bounds as configured in
 * {@link RegistryClientConfig}. Thread-safe; share one per process. Never throws for anything a registry does:
 * every call answers with a {@link RegistryResult} (an interrupt also becomes UNKNOWN_ERROR, flag restored).
 */
public final class RegistryClient implements AutoCloseable {

    private static final String ACCEPT_BLOB = "*/*";

    private final RegistryClientConfig config;
    private final ExecutorService executor;
    private final RegistryHttp http;

    public RegistryClient(RegistryClientConfig config) {
        this.config = config;
        AtomicInteger threads = new AtomicInteger();
        // Daemon threads: the client must never keep a JVM alive.
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "registry-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // HTTP/1.1: no h2c upgrade attempts on plain-http registries; an abandoned layer just drops its connection.
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER) // followed by hand, without credentials off-origin
                .connectTimeout(config.connectTimeout()).executor(executor);
        if (config.sslContext() != null) {
            builder.sslContext(config.sslContext());
        }
        HttpClient client = builder.build();
        RegistryGates gates = new RegistryGates(config.politeness());
        Retrier retrier = new Retrier(client, config.retry(), gates, config.listener(), config.limits().bodyIdleTimeout());
        Authenticator authenticator = new Authenticator(config.credentials(), retrier, config.requestTimeout());
        this.http = new RegistryHttp(new RegistryHosts(config.insecureRegistries()), retrier, authenticator,
                config.requestTimeout(), config.userAgent());
    }

    public RegistryClientConfig config() {
        return config;
    }

    /** The manifest the reference names (its digest if it has one, else its tag), within one image's time budget. */
    public RegistryResult<Manifest> manifest(ImageReference image) {
        return manifest(image, reference(image), Deadline.after(config.limits().imageTimeout()));
    }

    /**
     * GETs a manifest by tag or digest; the bytes are size-capped and verified against the requested digest and
     * the registry's {@code Docker-Content-Digest}, then parsed.
     */
    public RegistryResult<Manifest> manifest(ImageReference image, String reference, Deadline deadline) {
        return guarded(() -> http.send(image.registry(), image.repository(), "GET", manifestPath(image, reference),
                MediaTypes.ACCEPT_MANIFESTS, deadline).flatMap(exchange -> {
            try (exchange) {
                return readManifest(exchange, reference);
            }
        }));
    }

    /** Existence re-check: HEAD on the manifest (no body, usually not rate-limited like GETs). */
    public RegistryResult<ManifestHead> headManifest(ImageReference image) {
        return headManifest(image, Deadline.after(config.limits().imageTimeout()));
    }

    public RegistryResult<ManifestHead> headManifest(ImageReference image, Deadline deadline) {
        return guarded(() -> http.send(image.registry(), image.repository(), "HEAD",
                manifestPath(image, reference(image)), MediaTypes.ACCEPT_MANIFESTS, deadline).map(exchange -> {
            try (exchange) {
                return new ManifestHead(exchange.header("Docker-Content-Digest"),
                        MediaTypes.bare(exchange.header("Content-Type")), exchange.contentLength().orElse(-1));
            }
        }));
    }

    /** GETs and parses a config blob, size-capped and digest-verified. */
    public RegistryResult<ImageConfig> config(ImageReference image, Descriptor descriptor, Deadline deadline) {
        long max = config.limits().maxConfigBytes();
        if (descriptor.size() > max) {
            return RegistryResult.failed(Existence.BAD_IMAGE_FORMAT, "config of " + descriptor.size() + " bytes exceeds " + max);
        }
        return guarded(() -> blob(image, descriptor, deadline).flatMap(exchange -> {
            try (exchange) {
                byte[] body = exchange.readAtMost(descriptor.size());
                if (body.length != descriptor.size()) {
                    return RegistryResult.failed(Existence.BAD_IMAGE_FORMAT, "config is not " + descriptor.size() + " bytes");
                }
                if (!Digests.of(body, descriptor.digest()).equals(descriptor.digest())) {
                    return RegistryResult.failed(Existence.BAD_IMAGE_FORMAT, "config does not match " + descriptor.digest());
                }
                return RegistryResult.found(ImageConfig.parse(body, descriptor.digest()));
            } catch (BadImageException e) {
                return RegistryResult.failed(Existence.BAD_IMAGE_FORMAT, e.getMessage());
            } catch (IOException e) {
                return RegistryResult.failed(Existence.REGISTRY_UNAVAILABLE, "reading config: " + Retrier.describe(e));
            }
        }));
    }

    /**
     * Streams a layer through {@code handler}; content bytes only for regular files whose normalised path
     * {@code wantsContent} accepts. Found means the blob was reached: check {@link LayerScan#isPartial()}.
     */
    public RegistryResult<LayerScan> readLayer(ImageReference image, Descriptor layer, Predicate<String> wantsContent,
                                               LayerEntryHandler handler, Deadline deadline) {
        return guarded(() -> blob(image, layer, deadline).map(exchange -> {
            try (exchange) {
                return LayerReader.read(exchange.body(), layer.digest(), wantsContent, handler, config.limits(), deadline);
            }
        }));
    }

    private RegistryResult<Exchange> blob(ImageReference image, Descriptor descriptor, Deadline deadline)
            throws InterruptedException {
        RegistryResult<Exchange> result = http.send(image.registry(), image.repository(), "GET",
                "/v2/" + image.repository() + "/blobs/" + descriptor.digest(), ACCEPT_BLOB, deadline);
        // The manifest names the blob, so its absence makes the image broken, not absent.
        if (result instanceof RegistryResult.Failed<Exchange> failed && failed.existence() == Existence.ABSENT) {
            return RegistryResult.failed(Existence.BAD_IMAGE_FORMAT, "blob " + descriptor.digest() + " missing: " + failed.detail());
        }
        return result;
    }

    private RegistryResult<Manifest> readManifest(Exchange exchange, String reference) {
        long max = config.limits().maxManifestBytes();
        if (exchange.contentLength().orElse(0) > max) {
            return RegistryResult.failed(Existence.BAD_IMAGE_FORMAT,
                    "manifest of " + exchange.contentLength().getAsLong() + " bytes exceeds " + max);
        }
        byte[] body;
        try {
            body = exchange.readAtMost(max);
        } catch (IOException e) {
            return RegistryResult.failed(Existence.REGISTRY_UNAVAILABLE, "reading manifest: " + Retrier.describe(e));
        }
        if (body.length > max) {
            return RegistryResult.failed(Existence.BAD_IMAGE_FORMAT, "manifest exceeds " + max + " bytes");
        }
        boolean byDigest = Digests.isValid(reference);
        String digest = Digests.of(body, byDigest ? reference : "sha256:");
        if (byDigest && !digest.equals(reference)) {
            return RegistryResult.failed(Existence.BAD_IMAGE_FORMAT, "manifest bytes are " + digest + ", not " + reference);
        }
        String announced = exchange.header("Docker-Content-Digest");
        if (announced != null && Digests.isValid(announced) && announced.regionMatches(0, digest, 0, 7)
                && !announced.equals(digest)) {
            return RegistryResult.failed(Existence.BAD_IMAGE_FORMAT, "manifest bytes are " + digest + ", registry says " + announced);
        }
        try {
            return RegistryResult.found(ManifestParser.parse(body, exchange.header("Content-Type"), digest));
        } catch (BadImageException e) {
            return RegistryResult.failed(Existence.BAD_IMAGE_FORMAT, e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        RegistryResult<T> run() throws InterruptedException;
    }

    private static <T> RegistryResult<T> guarded(Call<T> call) {
        try {
            return call.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RegistryResult.failed(Existence.UNKNOWN_ERROR, "interrupted");
        } catch (RuntimeException e) {
            // A bug or a library surprise must not take the caller down with it.
            return RegistryResult.failed(Existence.UNKNOWN_ERROR, e.toString());
        }
    }

    private static String reference(ImageReference image) {
        return image.digest().orElse(image.tag().orElse(ImageReference.DEFAULT_TAG));
    }

    private static String manifestPath(ImageReference image, String reference) {
        return "/v2/" + image.repository() + "/manifests/" + reference;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
