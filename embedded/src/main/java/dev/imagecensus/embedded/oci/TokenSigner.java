package dev.imagecensus.embedded.oci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs registry tokens: a JWT with {@code alg RS256} and the signing certificate in {@code x5c}, which
 * docker-registry verifies against its {@code rootcertbundle}; claims as in the Docker token spec.
 */
final class TokenSigner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey key = TestPki.rsaKey(TestPki.TOKEN_KEY);
    private final X509Certificate certificate = TestPki.certificate(TestPki.TOKEN_CERT);

    String sign(String subject, List<Map<String, Object>> access, int lifetimeSeconds) {
        try {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("alg", "RS256");
            header.put("typ", "JWT");
            header.put("x5c", List.of(Base64.getEncoder().encodeToString(certificate.getEncoded())));
            long now = System.currentTimeMillis() / 1000;
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", TokenServer.ISSUER);
            claims.put("sub", subject);
            claims.put("aud", TokenServer.SERVICE);
            claims.put("exp", now + lifetimeSeconds);
            claims.put("nbf", now - 10);
            claims.put("iat", now);
            claims.put("jti", UUID.randomUUID().toString());
            claims.put("access", access);
            String signingInput = URL.encodeToString(JSON.writeValueAsBytes(header)) + "."
                    + URL.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(rsa.sign());
        } catch (JsonProcessingException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode a token", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }
}
