package dev.imagecensus.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS setup from files; certificates are made with the JDK's keytool (the JDK API cannot create them). */
class SslContextsTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;

    private static Path serverKeystore;
    private static Path trustJks;
    private static Path trustPem;

    @BeforeAll
    static void makeCertificates() throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        assumeTrue(Files.isExecutable(keytool), "keytool not available");
        serverKeystore = dir.resolve("server.p12");
        trustPem = dir.resolve("ca.pem");
        trustJks = dir.resolve("trust.jks");
        keytool(keytool, "-genkeypair", "-alias", "registry", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-keystore", serverKeystore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool(keytool, "-exportcert", "-rfc", "-alias", "registry", "-keystore", serverKeystore.toString(),
                "-storepass", PASSWORD, "-file", trustPem.toString());
        keytool(keytool, "-importcert", "-noprompt", "-alias", "registry", "-file", trustPem.toString(),
                "-keystore", trustJks.toString(), "-storetype", "JKS", "-storepass", PASSWORD);
    }

    private static void keytool(Path keytool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assumeTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "keytool failed: " + output);
    }

    private static TlsConfig tls(Map<String, Object> configs) {
        Map<String, Object> all = new HashMap<>(configs);
        all.put(SchemaRegistryClientConfig.URL, "https://localhost");
        return SchemaRegistryClientConfig.parse(all).tls().orElseThrow();
    }

    private static SSLContext serverContext() {
        return SslContexts.create(tls(Map.of(TlsConfig.KEYSTORE_LOCATION, serverKeystore.toString(),
                TlsConfig.KEYSTORE_PASSWORD, PASSWORD, TlsConfig.KEYSTORE_TYPE, "PKCS12")));
    }

    @Test
    void shouldTrustRegistryWhenJksTruststoreHoldsItsCertificate() throws Exception {
        try (CannedHttpServer server = CannedHttpServer.https(serverContext()).answer(200, "[\"a\"]")) {
            SchemaRegistryClient client = HttpSchemaRegistryClient.fromConfig(Map.of(
                    SchemaRegistryClientConfig.URL, server.url(),
                    TlsConfig.TRUSTSTORE_LOCATION, trustJks.toString(),
                    TlsConfig.TRUSTSTORE_PASSWORD, PASSWORD));

            assertThat(client.subjects()).containsExactly("a");
        }
    }

    @Test
    void shouldTrustRegistryWhenPemTruststoreHoldsItsCertificate() throws Exception {
        try (CannedHttpServer server = CannedHttpServer.https(serverContext()).answer(200, "[\"b\"]")) {
            SchemaRegistryClient client = HttpSchemaRegistryClient.fromConfig(Map.of(
                    SchemaRegistryClientConfig.URL, server.url(),
                    TlsConfig.TRUSTSTORE_LOCATION, trustPem.toString(),
                    TlsConfig.TRUSTSTORE_TYPE, "PEM"));

            assertThat(client.subjects()).containsExactly("b");
        }
    }

    @Test
    void shouldFailHandshakeWhenRegistryIsNotTrusted() throws Exception {
        try (CannedHttpServer server = CannedHttpServer.https(serverContext()).answer(200, "[]")) {
            SchemaRegistryClient client = HttpSchemaRegistryClient.fromConfig(Map.of(
                    SchemaRegistryClientConfig.URL, server.url(), "max.retries", 0));

            assertThatThrownBy(client::subjects)
                    .isInstanceOfSatisfying(SchemaRegistryException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.IO_ERROR));
        }
    }

    @Test
    void shouldNameTheKeyWhenTruststoreFileIsMissing() {
        TlsConfig tls = tls(Map.of(TlsConfig.TRUSTSTORE_LOCATION, dir.resolve("nope.jks").toString()));

        assertThatThrownBy(() -> SslContexts.create(tls))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.ssl.truststore.location")
                .hasMessageContaining("nope.jks")
                .hasMessageContaining("no such file");
    }

    @Test
    void shouldNameTheKeyWhenTruststorePasswordIsWrong() {
        TlsConfig tls = tls(Map.of(TlsConfig.TRUSTSTORE_LOCATION, trustJks.toString(),
                TlsConfig.TRUSTSTORE_PASSWORD, "wrong-password"));

        assertThatThrownBy(() -> SslContexts.create(tls))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.ssl.truststore.location")
                .hasMessageContaining("schema.registry.ssl.truststore.password")
                .hasMessageNotContaining("wrong-password");
    }

    @Test
    void shouldNameTheKeyWhenStoreTypeIsUnknown() {
        TlsConfig tls = tls(Map.of(TlsConfig.TRUSTSTORE_LOCATION, trustJks.toString(), TlsConfig.TRUSTSTORE_TYPE, "BKS9"));

        assertThatThrownBy(() -> SslContexts.create(tls))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.ssl.truststore.type");
    }

    @Test
    void shouldRejectFileWhenPemTruststoreHasNoCertificate() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");
        TlsConfig tls = tls(Map.of(TlsConfig.TRUSTSTORE_LOCATION, empty.toString(), TlsConfig.TRUSTSTORE_TYPE, "PEM"));

        assertThatThrownBy(() -> SslContexts.create(tls))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.ssl.truststore.location");
    }
}
