package dev.imagecensus.enricher.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.embedded.oci.Blob;
import dev.imagecensus.embedded.oci.Expected;
import dev.imagecensus.embedded.oci.ImageAssembler;
import dev.imagecensus.embedded.oci.ImagePlatform;
import dev.imagecensus.embedded.oci.Layer;
import dev.imagecensus.embedded.oci.LayerCompression;
import dev.imagecensus.embedded.oci.OciMediaTypes;
import dev.imagecensus.embedded.oci.SyntheticImage;
import dev.imagecensus.embedded.oci.SyntheticImages;
import dev.imagecensus.enricher.classify.PlatformSpec;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.reference.ImageReference;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviours the real registry cannot produce, from {@link FakeRegistry}: every one bounded, none a crash. */
class HostileRegistryIT {

    private static final SyntheticImage ALPINE = SyntheticImages.named("alpine");

    private FakeRegistry fake;
    private final RegistryCounters counters = new RegistryCounters();

    @BeforeEach
    void start() throws Exception {
        fake = new FakeRegistry().serve("good", ALPINE);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void shouldWaitForRetryAfterWhenRegistryAnswers429() {
        fake.serve("throttled", ALPINE);
        AtomicInteger calls = new AtomicInteger();
        fake.route("/v2/throttled/manifests/1", exchange -> {
            if (calls.incrementAndGet() == 1) {
                exchange.getResponseHeaders().set("Retry-After", "1");
                FakeRegistry.send(exchange, 429, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            } else {
                fake.serveStored(exchange);
            }
        });
        try (RegistryClient client = client(config())) {
            long start = System.nanoTime();
            RegistryResult<Manifest> result = client.manifest(ref("throttled"));

            assertThat(result.isFound()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
            assertThat(counters.requests(fake.host(), "429")).isEqualTo(1);
        }
    }

    @Test
    void shouldGiveUpAtOnceWhenRetryAfterIsLongerThanWeWait() {
        fake.route("/v2/later/manifests/1", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "3600");
            FakeRegistry.send(exchange, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
        });
        fake.route("/v2/down/manifests/1", exchange -> FakeRegistry.send(exchange, 503, "text/plain", new byte[0]));
        try (RegistryClient client = client(config())) {
            assertThat(client.manifest(ref("later")).existence()).isEqualTo(Existence.REGISTRY_UNAVAILABLE);
            assertThat(client.manifest(ref("down")).existence()).isEqualTo(Existence.REGISTRY_UNAVAILABLE);

            assertThat(fake.hits("/v2/later/manifests/1")).isEqualTo(1);
            assertThat(fake.hits("/v2/down/manifests/1")).isEqualTo(3);
        }
    }

    @Test
    void shouldNotRetryWhenRegistryAnswers401Or403Or404() {
        fake.route("/v2/forbidden/manifests/1", exchange -> FakeRegistry.send(exchange, 403, "text/plain", new byte[0]));
        fake.route("/v2/nochallenge/manifests/1", exchange -> FakeRegistry.send(exchange, 401, "text/plain", new byte[0]));
        try (RegistryClient client = client(config())) {
            assertThat(client.manifest(ref("forbidden")).existence()).isEqualTo(Existence.AUTHORIZATION_FAILURE);
            assertThat(client.manifest(ref("nochallenge")).existence()).isEqualTo(Existence.AUTHENTICATION_FAILURE);
            assertThat(client.manifest(ref("missing")).existence()).isEqualTo(Existence.ABSENT);

            assertThat(counters.requests(fake.host())).isEqualTo(3);
        }
    }

    @Test
    void shouldAnswerBadFormatWhenManifestIsHugeGarbageOrNotItsDigest() {
        byte[] tenMegabytes = ("{\"schemaVersion\":2,\"pad\":\"" + "x".repeat(10 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
        fake.route("/v2/huge/manifests/1", exchange -> FakeRegistry.send(exchange, 200, OciMediaTypes.OCI_MANIFEST, tenMegabytes));
        fake.route("/v2/huge-chunked/manifests/1", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", OciMediaTypes.OCI_MANIFEST);
            exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse up front
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(tenMegabytes);
            }
        });
        fake.route("/v2/garbage/manifests/1", exchange -> FakeRegistry.send(exchange, 200, OciMediaTypes.OCI_MANIFEST,
                "{\"schemaVersion\": 2, \"layers\": [tru".getBytes(StandardCharsets.UTF_8)));
        fake.route("/v2/lying/manifests/1", exchange -> {
            exchange.getResponseHeaders().set("Docker-Content-Digest", "sha256:" + "0".repeat(64));
            FakeRegistry.send(exchange, 200, OciMediaTypes.OCI_MANIFEST, ALPINE.manifest().bytes());
        });
        try (RegistryClient client = client(config())) {
            for (String repository : List.of("huge", "huge-chunked", "garbage", "lying")) {
                assertThat(client.manifest(ref(repository)).existence()).as(repository).isEqualTo(Existence.BAD_IMAGE_FORMAT);
            }
            String wrongDigest = "sha256:" + "1".repeat(64);
            fake.serve("bydigest", ALPINE);
            fake.route("/v2/bydigest/manifests/" + wrongDigest, exchange -> FakeRegistry.send(exchange, 200,
                    OciMediaTypes.OCI_MANIFEST, ALPINE.manifest().bytes()));
            assertThat(client.manifest(ImageReference.parse(fake.host() + "/bydigest@" + wrongDigest)).existence())
                    .isEqualTo(Existence.BAD_IMAGE_FORMAT);
            assertThat(client.manifest(ref("good")).isFound()).isTrue(); // and the client carries on
        }
    }

    @Test
    void shouldMarkInspectionPartialWhenLayerIsGzipBomb() throws Exception {
        byte[] bomb = LayerReaderTest.gzippedTarOfZeros(64L << 20);
        Layer layer = new Layer(Blob.of(OciMediaTypes.OCI_LAYER_GZIP, bomb), "sha256:" + "2".repeat(64), LayerCompression.GZIP);
        ImageAssembler.Built built = ImageAssembler.image(ImageAssembler.Format.OCI, ImagePlatform.LINUX_AMD64,
                List.of(layer), List.of(), Map.of());
        fake.serve("bomb", new SyntheticImage("bomb", "bomb", "1", built.manifest(), List.of(), built.blobs(),
                Expected.scratch(), false));
        try (RegistryClient client = client(config())) {
            TestClients.Collecting visitor = new TestClients.Collecting();
            ImageInspection inspection = new ImageInspector(client, PlatformSpec.LINUX_AMD64)
                    .inspect(ref("bomb"), visitor).orElseThrow();

            assertThat(inspection.isPartial()).isTrue();
            assertThat(inspection.partialReason()).contains("DECOMPRESSION_RATIO");
            assertThat(visitor.scans).singleElement().satisfies(scan ->
                    assertThat(scan.uncompressedBytes()).isLessThan(20L << 20));
        }
    }

    @Test
    void shouldMarkPartialAndCarryOnWhenConnectionStallsMidBody() {
        fake.serve("stall", ALPINE);
        Blob layer = ALPINE.blobs().get(1);
        fake.route("/v2/stall/blobs/" + layer.digest(), exchange -> {
            exchange.sendResponseHeaders(200, layer.size());
            exchange.getResponseBody().write(layer.bytes(), 0, 100);
            exchange.getResponseBody().flush();
            fake.stall();
        });
        fake.route("/v2/stall-manifest/manifests/1", exchange -> {
            exchange.sendResponseHeaders(200, 5000);
            exchange.getResponseBody().write("{\"schemaVersion\":".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            fake.stall();
        });
        try (RegistryClient client = client(config())) {
            long start = System.nanoTime();
            ImageInspection stalled = new ImageInspector(client, PlatformSpec.LINUX_AMD64)
                    .inspect(ref("stall"), new TestClients.Collecting()).orElseThrow();
            RegistryResult<Manifest> manifest = client.manifest(ref("stall-manifest"));
            ImageInspection good = new ImageInspector(client, PlatformSpec.LINUX_AMD64)
                    .inspect(ref("good"), new TestClients.Collecting()).orElseThrow();

            assertThat(stalled.partialReason()).contains("STALLED");
            assertThat(manifest.existence()).isEqualTo(Existence.REGISTRY_UNAVAILABLE);
            assertThat(good.isPartial()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void shouldCapConcurrentRequestsPerRegistryWhenManyCallersAtOnce() throws Exception {
        // Counted around the handler's work, before the answer is sent: the server's own in-flight count also
        // includes the moment after the client got its answer and already sent the next request.
        AtomicInteger working = new AtomicInteger();
        AtomicInteger maxWorking = new AtomicInteger();
        for (int i = 0; i < 8; i++) {
            fake.route("/v2/slow/manifests/" + i, exchange -> {
                maxWorking.accumulateAndGet(working.incrementAndGet(), Math::max);
                sleep(150);
                working.decrementAndGet();
                exchange.getResponseHeaders().set("Docker-Content-Digest", ALPINE.digest());
                FakeRegistry.send(exchange, 200, OciMediaTypes.OCI_MANIFEST, ALPINE.manifest().bytes());
            });
        }
        try (RegistryClient client = client(config().politeness(new Politeness(2, 1000, 1000)))) {
            List<Thread> threads = new java.util.ArrayList<>();
            AtomicInteger found = new AtomicInteger();
            for (int i = 0; i < 8; i++) {
                ImageReference reference = ImageReference.parse(fake.host() + "/slow:" + i);
                Thread t = new Thread(() -> {
                    if (client.headManifest(reference).isFound()) {
                        found.incrementAndGet();
                    }
                });
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join(10_000);
            }

            assertThat(found).hasValue(8);
            assertThat(maxWorking.get()).isEqualTo(2);
        }
    }

    @Test
    void shouldSpaceRequestsWhenTokenBucketIsEmpty() {
        try (RegistryClient client = client(config().politeness(new Politeness(8, 10, 1)))) {
            long start = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                assertThat(client.headManifest(ref("good")).isFound()).isTrue();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(350));
        }
    }

    @Test
    void shouldNotSendCredentialsWhenRedirectedToBlobStorage() throws Exception {
        Credentials credentials = new Credentials("census", "census-secret");
        try (FakeRegistry storage = new FakeRegistry()) {
            Blob layer = ALPINE.blobs().get(1);
            List<String> storageAuthorization = new java.util.concurrent.CopyOnWriteArrayList<>();
            storage.route("/bucket/layer", exchange -> {
                storageAuthorization.addAll(FakeRegistry.headerValues(exchange, "Authorization"));
                FakeRegistry.send(exchange, 200, "application/octet-stream", layer.bytes());
            });
            fake.requireAuthorization(credentials.basicHeader());
            fake.route("/v2/good/blobs/" + layer.digest(), exchange -> {
                exchange.getResponseHeaders().set("Location", "http://" + storage.host() + "/bucket/layer?sig=x");
                FakeRegistry.send(exchange, 307, "text/plain", new byte[0]);
            });
            try (RegistryClient client = client(config().credentials(CredentialStore.of(Map.of(fake.host(), credentials))))) {
                ImageInspection inspection = new ImageInspector(client, PlatformSpec.LINUX_AMD64)
                        .inspect(ref("good"), new TestClients.Collecting()).orElseThrow();

                assertThat(inspection.isPartial()).isFalse();
                assertThat(inspection.layers()).singleElement().satisfies(l -> assertThat(l.scan().digestVerified()).isTrue());
                assertThat(storage.hits("/bucket/layer")).isEqualTo(1);
                assertThat(storageAuthorization).isEmpty();
            }
        }
    }

    private RegistryClientConfig.Builder config() {
        return RegistryClientConfig.builder()
                .insecureRegistries(Set.of(fake.host()))
                .retry(new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(5)))
                .limits(Limits.defaults().withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(10)))
                .listener(counters);
    }

    private static RegistryClient client(RegistryClientConfig.Builder config) {
        return new RegistryClient(config.build());
    }

    private ImageReference ref(String repository) {
        return ImageReference.parse(fake.host() + "/" + repository + ":1");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
