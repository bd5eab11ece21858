package dev.imagecensus.embedded.oci;

import dev.imagecensus.embedded.kafka.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * Debian's {@code docker-registry} (the reference distribution registry, 2.8) as a child process on a free
 * loopback port, with filesystem storage in a temp directory and deletes enabled. Variants: anonymous,
 * htpasswd basic auth ({@value #USERNAME}/{@value #PASSWORD}), token auth backed by an in-process
 * {@link TokenServer}, each optionally over TLS with the committed test CA ({@link TestPki}). Closing it stops
 * the process and deletes its storage.
 */
public final class DockerRegistryProcess implements AutoCloseable {

    /** How clients must authenticate. */
    public enum Auth { ANONYMOUS, BASIC, TOKEN }

    /** System property overriding the binary's path. */
    public static final String BINARY_PROPERTY = "imagecensus.docker-registry.binary";
    public static final String USERNAME = TokenServer.PUSHER;
    public static final String PASSWORD = TokenServer.PUSHER_PASSWORD;
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final Path dir;
    private final int port;
    private final Auth auth;
    private final boolean tls;
    private final TokenServer tokenServer;
    private final Thread shutdownHook;

    private DockerRegistryProcess(Process process, Path dir, int port, Auth auth, boolean tls, TokenServer tokenServer) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.auth = auth;
        this.tls = tls;
        this.tokenServer = tokenServer;
        // A registry outliving a crashed test JVM would hold its port and temp dir.
        this.shutdownHook = new Thread(process::destroyForcibly, "docker-registry-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static DockerRegistryProcess anonymous() {
        return start(Auth.ANONYMOUS, false);
    }

    /** Starts a registry; fails with a clear message when the binary is missing or it does not come up. */
    public static DockerRegistryProcess start(Auth auth, boolean tls) {
        Path binary = binary();
        Path dir;
        try {
            dir = Files.createTempDirectory("docker-registry-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the registry's temp dir", e);
        }
        TokenServer tokens = auth == Auth.TOKEN ? TokenServer.start() : null;
        int port = FreePorts.pick(); // the registry cannot report a port chosen by :0
        Path config = RegistryConfigFile.write(dir, port, auth, tls, tokens == null ? null : tokens.realm());
        Process process;
        try {
            process = new ProcessBuilder(binary.toString(), "serve", config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        } catch (IOException e) {
            if (tokens != null) {
                tokens.close();
            }
            throw new IllegalStateException("cannot run " + binary, e);
        }
        DockerRegistryProcess registry = new DockerRegistryProcess(process, dir, port, auth, tls, tokens);
        try {
            registry.awaitReady();
            return registry;
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
    }

    /** {@code 127.0.0.1:<port>}: the registry part of image references. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    /** {@code http(s)://127.0.0.1:<port>}. */
    public URI url() {
        return URI.create((tls ? "https://" : "http://") + host());
    }

    public Auth auth() {
        return auth;
    }

    public boolean tls() {
        return tls;
    }

    /** A user that may push, or null for an anonymous registry. */
    public String pushUsername() {
        return auth == Auth.ANONYMOUS ? null : USERNAME;
    }

    public String pushPassword() {
        return auth == Auth.ANONYMOUS ? null : PASSWORD;
    }

    /** The token server of a {@link Auth#TOKEN} registry, else null. */
    public TokenServer tokenServer() {
        return tokenServer;
    }

    /** A context trusting the test CA for a TLS registry, else null (plain HTTP). */
    public SSLContext sslContext() {
        return tls ? TestPki.trustingTestCa() : null;
    }

    /** The last lines the registry logged, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("registry.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no registry log: " + e.getMessage() + ")";
        }
    }

    private void awaitReady() {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1));
        if (tls) {
            builder.sslContext(TestPki.trustingTestCa());
        }
        HttpClient http = builder.build();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                int status = http.send(HttpRequest.newBuilder(url().resolve("/v2/")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200 || status == 401) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for docker-registry", e);
            }
            sleep(20);
        }
        throw new IllegalStateException("docker-registry did not answer on " + url() + " within " + STARTUP_TIMEOUT
                + ":\n" + logTail());
    }

    private static Path binary() {
        String configured = System.getProperty(BINARY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path debian = Path.of("/usr/bin/docker-registry");
        if (Files.isExecutable(debian)) {
            return debian;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String entry : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(entry, "docker-registry");
            if (!entry.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docker-registry not found (looked at /usr/bin/docker-registry and $PATH); "
                + "install it: apt-get install docker-registry, or set -D" + BINARY_PROPERTY + "=<path>");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
        if (tokenServer != null) {
            tokenServer.close();
        }
        deleteRecursively(dir);
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temp directory is harmless
        }
    }
}
