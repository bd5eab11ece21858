package dev.imagecensus.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;

/** Builds an {@link SSLContext} from {@link TlsConfig}; failures name the config key at fault. */
final class SslContexts {

    private SslContexts() {
    }

    static SSLContext create(TlsConfig tls) {
        KeyManager[] keyManagers = tls.keystore().map(store -> keyManagers(store, tls)).orElse(null);
        // null trust managers mean the JVM's default trust (cacerts or javax.net.ssl.trustStore).
        TrustManager[] trustManagers = tls.truststore().map(SslContexts::trustManagers).orElse(null);
        try {
            SSLContext context = SSLContext.getInstance(tls.protocol());
            context.init(keyManagers, trustManagers, null);
            return context;
        } catch (NoSuchAlgorithmException e) {
            throw new ConfigException(TlsConfig.PROTOCOL, tls.protocol(), "unknown TLS protocol");
        } catch (GeneralSecurityException e) {
            throw new ConfigException("Cannot initialise TLS for the schema registry: " + e.getMessage());
        }
    }

    private static KeyManager[] keyManagers(TlsConfig.Store store, TlsConfig tls) {
        KeyStore keyStore = load(store);
        char[] keyPassword = tls.keyPassword().or(store::password).map(String::toCharArray).orElse(null);
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keyStore, keyPassword);
            return factory.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new ConfigException(TlsConfig.KEY_PASSWORD, ConfigReader.HIDDEN,
                    "cannot read the private key in " + store.location() + ": " + e.getMessage());
        }
    }

    private static TrustManager[] trustManagers(TlsConfig.Store store) {
        KeyStore trustStore = load(store);
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new ConfigException(store.key("location"), store.location(), "unusable truststore: " + e.getMessage());
        }
    }

    private static KeyStore load(TlsConfig.Store store) {
        String locationKey = store.key("location");
        if (!Files.isRegularFile(store.location())) {
            throw new ConfigException(locationKey, store.location(), "no such file");
        }
        try (InputStream in = Files.newInputStream(store.location())) {
            return store.type().equals(TlsConfig.PEM) ? pemTrustStore(in, store) : keyStore(in, store);
        } catch (NoSuchFileException e) {
            throw new ConfigException(locationKey, store.location(), "no such file");
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(locationKey, store.location(), "cannot load " + store.type() + " " + store.kind()
                    + " (wrong " + store.key("password") + " or " + store.key("type") + "?): " + e.getMessage());
        }
    }

    private static KeyStore keyStore(InputStream in, TlsConfig.Store store) throws IOException, GeneralSecurityException {
        KeyStore keyStore;
        try {
            keyStore = KeyStore.getInstance(store.type());
        } catch (KeyStoreException e) {
            throw new ConfigException(store.key("type"), store.type(), "unknown store type (use JKS, PKCS12 or PEM)");
        }
        keyStore.load(in, store.password().map(String::toCharArray).orElse(null));
        return keyStore;
    }

    private static KeyStore pemTrustStore(InputStream in, TlsConfig.Store store) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        if (certificates.isEmpty()) {
            throw new ConfigException(store.key("location"), store.location(), "no PEM certificate in the file");
        }
        KeyStore keyStore = KeyStore.getInstance(KeyStore.getDefaultType());
        keyStore.load(null, null);
        int index = 0;
        for (Certificate certificate : certificates) {
            keyStore.setCertificateEntry("ca-" + index++, certificate);
        }
        return keyStore;
    }
}
