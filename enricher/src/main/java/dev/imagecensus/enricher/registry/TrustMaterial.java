package dev.imagecensus.enricher.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * SSL contexts for registries with a private CA: the JDK's default CAs plus the certificates of a PEM bundle,
 * or a truststore file alone. Fails with a message naming the file.
 */
public final class TrustMaterial {

    private TrustMaterial() {
    }

    /** Trusts the JDK's default CAs and every certificate in the PEM file at {@code pem}. */
    public static SSLContext withPemCertificates(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> extra = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (extra.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + pem);
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (X509Certificate ca : defaultTrustManager().getAcceptedIssuers()) {
                store.setCertificateEntry("default-" + i++, ca);
            }
            for (Certificate certificate : extra) {
                store.setCertificateEntry("extra-" + i++, certificate);
            }
            return context(store);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read CA certificates from " + pem + ": " + e.getMessage(), e);
        }
    }

    /** Trusts exactly the certificates of a truststore (PKCS12 or JKS). */
    public static SSLContext fromTrustStore(Path file, char[] password) {
        try {
            return context(KeyStore.getInstance(file.toFile(), password));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read truststore " + file + ": " + e.getMessage(), e);
        }
    }

    private static SSLContext context(KeyStore trusted) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        for (var manager : tmf.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK has no default X.509 trust manager");
    }
}
