package dev.imagecensus.embedded.oci;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Writes docker-registry's (distribution 2.8) YAML config for one fixture instance. */
final class RegistryConfigFile {

    private RegistryConfigFile() {
    }

    static Path write(Path dir, int port, DockerRegistryProcess.Auth auth, boolean tls, String tokenRealm) {
        StringBuilder yaml = new StringBuilder()
                .append("version: 0.1\n")
                .append("log:\n  level: warn\n  accesslog:\n    disabled: true\n")
                .append("storage:\n")
                .append("  filesystem:\n    rootdirectory: ").append(quote(dir.resolve("storage"))).append('\n')
                .append("  delete:\n    enabled: true\n")
                .append("  cache:\n    blobdescriptor: inmemory\n")
                .append("http:\n")
                .append("  addr: 127.0.0.1:").append(port).append('\n')
                // Set to silence the "no secret" warning; random, as nothing outlives the process.
                .append("  secret: ").append(UUID.randomUUID()).append('\n');
        if (tls) {
            yaml.append("  tls:\n")
                    .append("    certificate: ").append(quote(TestPki.copy(TestPki.TLS_SERVER_CERT, dir))).append('\n')
                    .append("    key: ").append(quote(TestPki.copy(TestPki.TLS_SERVER_KEY, dir))).append('\n');
        }
        switch (auth) {
            case ANONYMOUS -> { }
            case BASIC -> yaml.append("auth:\n  htpasswd:\n    realm: image-census\n")
                    .append("    path: ").append(quote(TestPki.copy(TestPki.HTPASSWD, dir))).append('\n');
            case TOKEN -> yaml.append("auth:\n  token:\n")
                    .append("    realm: ").append(tokenRealm).append('\n')
                    .append("    service: ").append(TokenServer.SERVICE).append('\n')
                    .append("    issuer: ").append(TokenServer.ISSUER).append('\n')
                    .append("    rootcertbundle: ").append(quote(TestPki.copy(TestPki.TOKEN_CERT, dir))).append('\n');
        }
        try {
            return Files.writeString(dir.resolve("config.yml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the registry config", e);
        }
    }

    private static String quote(Path path) {
        return "\"" + path.toAbsolutePath() + "\"";
    }
}
