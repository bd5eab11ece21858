package dev.imagecensus.embedded.oci;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The committed, long-lived (100 years) test keys and certificates: the token issuer's signing pair and a TLS
 * CA with a server certificate for 127.0.0.1/localhost. Made once with openssl (the JDK cannot create X.509
 * certificates); never use them outside tests and demos.
 */
public final class TestPki {

    static final String TOKEN_KEY = "token-signing-key.pem";
    static final String TOKEN_CERT = "token-signing-cert.pem";
    static final String TLS_CA = "tls-ca.pem";
    static final String TLS_SERVER_CERT = "tls-server-cert.pem";
    static final String TLS_SERVER_KEY = "tls-server-key.pem";
    static final String HTPASSWD = "htpasswd";

    private TestPki() {
    }

    /** The PEM text of a committed resource. */
    public static String pem(String resource) {
        return new String(bytes(resource), StandardCharsets.US_ASCII);
    }

    /** Copies a committed resource into {@code dir}, for the registry's config file. */
    static Path copy(String resource, Path dir) {
        try {
            return Files.write(dir.resolve(resource), bytes(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static X509Certificate certificate(String resource) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(bytes(resource)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("bad committed certificate " + resource, e);
        }
    }

    static PrivateKey rsaKey(String resource) {
        String base64 = pem(resource).replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("bad committed key " + resource, e);
        }
    }

    /** An SSL context trusting only the test CA (for clients of the TLS registry). */
    public static SSLContext trustingTestCa() {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("image-census-test-ca", certificate(TLS_CA));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store for the test CA", e);
        }
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = TestPki.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " next to " + TestPki.class.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
