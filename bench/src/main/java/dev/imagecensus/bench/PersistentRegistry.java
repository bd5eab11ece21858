package dev.imagecensus.bench;

import dev.imagecensus.embedded.kafka.FreePorts;
import dev.imagecensus.embedded.oci.ImagePusher;
import dev.imagecensus.embedded.oci.SyntheticImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code docker-registry} as a child process whose storage outlives it (a directory under
 * {@code bench/target}), so the thousands of benchmark images are pushed once and reused by later runs: a file
 * beside the storage records how many of {@link BenchImages#unique} are in it. Unlike the tests' fixture, closing
 * it keeps the storage.
 */
final class PersistentRegistry implements AutoCloseable {

    private final Process process;
    private final int port;

    private PersistentRegistry(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static PersistentRegistry start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int port = FreePorts.pick(); // the registry cannot report a port chosen by :0
        Path config = Files.writeString(dir.resolve("config.yml"), "version: 0.1\n"
                + "log:\n  level: error\n  accesslog:\n    disabled: true\n"
                + "storage:\n  filesystem:\n    rootdirectory: \"" + dir.toAbsolutePath().resolve("storage") + "\"\n"
                + "  cache:\n    blobdescriptor: inmemory\n"
                + "http:\n  addr: 127.0.0.1:" + port + "\n  secret: bench-pipeline\n");
        Process process = new ProcessBuilder("/usr/bin/docker-registry", "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        PersistentRegistry registry = new PersistentRegistry(process, port);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "docker-registry-shutdown"));
        registry.awaitReady();
        return registry;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Pushes {@code images} unless a previous run recorded at least that many as pushed; returns the
     * milliseconds spent pushing (0 when reused).
     */
    long ensurePushed(Path dir, List<SyntheticImage> images, int threads) throws Exception {
        Path marker = dir.resolve("pushed-images");
        int pushed = Files.exists(marker) ? Integer.parseInt(Files.readString(marker).trim()) : 0;
        if (pushed >= images.size()) {
            return 0;
        }
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> pushes = new ArrayList<>();
            for (SyntheticImage image : images.subList(pushed, images.size())) {
                pushes.add(pool.submit(() -> new ImagePusher(URI.create("http://127.0.0.1:" + port), null, null, null,
                        ImagePusher.Upload.MONOLITHIC).push(image)));
            }
            for (Future<?> push : pushes) {
                push.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Files.writeString(marker, String.valueOf(images.size()));
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited with " + process.exitValue());
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("docker-registry did not answer on port " + port);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
