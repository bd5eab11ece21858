package dev.imagecensus.enricher.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a Docker credential helper: {@code docker-credential-<name> get} with the server URL on stdin, answering
 * {@code {"ServerURL":…,"Username":…,"Secret":…}} on stdout. A helper that is missing, fails or says
 * "credentials not found" gives no credentials (the registry is then tried anonymously).
 */
@FunctionalInterface
public interface CredentialHelper {

    /** Credentials from helper {@code name} for {@code serverUrl}. */
    Optional<Credentials> get(String name, String serverUrl);

    /** Runs helpers from {@code $PATH}, or from {@code directory} when not null; 10 s per call. */
    static CredentialHelper processes(Path directory) {
        return new Processes(directory);
    }

    /** The process-running implementation. */
    final class Processes implements CredentialHelper {

        private static final Logger LOG = LoggerFactory.getLogger(CredentialHelper.class);
        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
        private static final ObjectMapper JSON = new ObjectMapper();
        private static final int MAX_OUTPUT = 64 * 1024;

        private final Path directory;

        Processes(Path directory) {
            this.directory = directory;
        }

        @Override
        public Optional<Credentials> get(String name, String serverUrl) {
            if (!NAME.matcher(name).matches()) {
                LOG.warn("ignoring credential helper with unsafe name '{}'", name);
                return Optional.empty();
            }
            String program = "docker-credential-" + name;
            String command = directory == null ? program : directory.resolve(program).toString();
            try {
                Process process = new ProcessBuilder(command, "get").redirectErrorStream(true).start();
                try (OutputStream stdin = process.getOutputStream()) {
                    stdin.write(serverUrl.getBytes(StandardCharsets.UTF_8));
                }
                byte[] output = process.getInputStream().readNBytes(MAX_OUTPUT);
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    LOG.warn("credential helper {} timed out for {}", program, serverUrl);
                    return Optional.empty();
                }
                if (process.exitValue() != 0) {
                    LOG.debug("credential helper {} has nothing for {}: {}", program, serverUrl,
                            new String(output, StandardCharsets.UTF_8).trim());
                    return Optional.empty();
                }
                JsonNode answer = JSON.readTree(output);
                String user = answer.path("Username").asText("");
                String secret = answer.path("Secret").asText("");
                return secret.isEmpty() ? Optional.empty() : Optional.of(new Credentials(user, secret));
            } catch (IOException e) {
                LOG.warn("credential helper {} failed for {}: {}", program, serverUrl, e.getMessage());
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
