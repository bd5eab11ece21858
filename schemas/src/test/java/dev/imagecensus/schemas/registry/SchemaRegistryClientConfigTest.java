package dev.imagecensus.schemas.registry;

import static dev.imagecensus.schemas.registry.SchemaRegistryClientConfig.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagecensus.schemas.registry.SchemaRegistryClientConfig.CredentialsSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class SchemaRegistryClientConfigTest {

    private static final String URL = SchemaRegistryClientConfig.URL;

    @Test
    void shouldUseDefaultsWhenOnlyUrlIsGiven() {
        SchemaRegistryClientConfig config = parse(Map.of(URL, "http://registry:8081/"));

        assertThat(config.urls()).containsExactly(URI.create("http://registry:8081"));
        assertThat(config.credentialsSource()).isEqualTo(CredentialsSource.URL);
        assertThat(config.userInfo()).isEmpty();
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.latestCacheTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.maxRetries()).isEqualTo(3);
        assertThat(config.retryWait()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.retryMaxWait()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.tls()).isEmpty();
    }

    @Test
    void shouldNameTheKeyWhenUrlIsMissing() {
        assertThatThrownBy(() -> parse(Map.of("bootstrap.servers", "kafka:9092")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void shouldRejectUrlWhenSchemeIsNotHttp() {
        assertThatThrownBy(() -> parse(Map.of(URL, "registry:8081")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url")
                .hasMessageContaining("http://host");
    }

    @Test
    void shouldSplitUrlsWhenCommaSeparatedOrGivenAsList() {
        assertThat(parse(Map.of(URL, " http://a:1 , https://b:2,")).urls())
                .containsExactly(URI.create("http://a:1"), URI.create("https://b:2"));
        assertThat(parse(Map.of(URL, List.of("http://a:1", "http://b:2"))).urls()).hasSize(2);
    }

    @Test
    void shouldRequireUserInfoWhenSourceIsUserInfo() {
        assertThatThrownBy(() -> parse(Map.of(URL, "http://a", "basic.auth.credentials.source", "USER_INFO")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.user.info");
    }

    @Test
    void shouldRejectUserInfoWithoutLeakingItWhenColonIsMissing() {
        assertThatThrownBy(() -> parse(Map.of(URL, "http://a", "basic.auth.user.info", "s3cr3t")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.user.info")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void shouldUseUserInfoWhenSourceIsUnsetButUserInfoGiven() {
        SchemaRegistryClientConfig config = parse(Map.of(URL, "http://a", "basic.auth.user.info", "alice:pw"));

        assertThat(config.credentialsSource()).isEqualTo(CredentialsSource.USER_INFO);
        assertThat(config.userInfo()).contains("alice:pw");
    }

    @Test
    void shouldAcceptLegacyKeyAndPasswordTypeWhenUserInfoIsGiven() {
        SchemaRegistryClientConfig config = parse(Map.of(URL, "http://a", "basic.auth.credentials.source", "user_info",
                "schema.registry.basic.auth.user.info", new Password("bob:pw")));

        assertThat(config.userInfo()).contains("bob:pw");
    }

    @Test
    void shouldRejectSaslInheritWhenGivenAsSource() {
        assertThatThrownBy(() -> parse(Map.of(URL, "http://a", "basic.auth.credentials.source", "SASL_INHERIT")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.credentials.source")
                .hasMessageContaining("not supported");
    }

    @Test
    void shouldNameTheKeyWhenANumberIsBad() {
        assertThatThrownBy(() -> parse(Map.of(URL, "http://a", "http.read.timeout.ms", "soon")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.read.timeout.ms")
                .hasMessageContaining("integer");
        assertThatThrownBy(() -> parse(Map.of(URL, "http://a", "max.retries", -1)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("max.retries");
    }

    @Test
    void shouldReadNumbersWhenGivenAsStringsOrNumbers() {
        SchemaRegistryClientConfig config = parse(Map.of(URL, "http://a", "http.connect.timeout.ms", 1500,
                "http.read.timeout.ms", "2500", "max.retries", 0L, "retries.wait.ms", "5", "retries.max.wait.ms", "50"));

        assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.maxRetries()).isZero();
        assertThat(config.retryWait()).isEqualTo(Duration.ofMillis(5));
        assertThat(config.retryMaxWait()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void shouldDisableOrPinLatestCacheWhenTtlIsZeroOrMinusOne() {
        assertThat(parse(Map.of(URL, "http://a", "latest.cache.ttl.sec", "0")).latestCacheTtl()).isZero();
        assertThat(parse(Map.of(URL, "http://a", "latest.cache.ttl.sec", "-1")).latestCacheTtl()).isNegative();
        assertThatThrownBy(() -> parse(Map.of(URL, "http://a", "latest.cache.ttl.sec", "-2")))
                .hasMessageContaining("latest.cache.ttl.sec");
    }

    @Test
    void shouldMaskSecretsWhenPrinted() {
        SchemaRegistryClientConfig config = parse(Map.of(
                URL, "https://carol:urlsecret@registry:8081",
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "alice:infosecret",
                "schema.registry.ssl.truststore.location", "/etc/trust.jks",
                "schema.registry.ssl.truststore.password", "trustsecret",
                "schema.registry.ssl.keystore.location", "/etc/key.p12",
                "schema.registry.ssl.keystore.password", "storesecret",
                "schema.registry.ssl.key.password", "keysecret"));

        assertThat(config.toString())
                .contains("registry:8081", "/etc/trust.jks", "/etc/key.p12", "[hidden]")
                .doesNotContain("carol", "urlsecret", "alice", "infosecret", "trustsecret", "storesecret", "keysecret");
    }

    @Test
    void shouldParseTlsStoresWhenLocationsAreGiven() {
        SchemaRegistryClientConfig config = parse(Map.of(URL, "https://a",
                "schema.registry.ssl.truststore.location", "/etc/ca.pem",
                "schema.registry.ssl.truststore.type", "pem",
                "schema.registry.ssl.protocol", "TLSv1.3"));

        TlsConfig tls = config.tls().orElseThrow();
        assertThat(tls.truststore().orElseThrow().location()).isEqualTo(Path.of("/etc/ca.pem"));
        assertThat(tls.truststore().orElseThrow().type()).isEqualTo("PEM");
        assertThat(tls.keystore()).isEmpty();
        assertThat(tls.protocol()).isEqualTo("TLSv1.3");
    }

    @Test
    void shouldRequireKeystorePasswordWhenKeystoreIsGiven() {
        assertThatThrownBy(() -> parse(Map.of(URL, "https://a", "schema.registry.ssl.keystore.location", "/k.p12")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.ssl.keystore.password");
    }

    @Test
    void shouldRejectDisabledHostnameVerificationWhenConfigured() {
        assertThatThrownBy(() -> parse(Map.of(URL, "https://a", "schema.registry.ssl.endpoint.identification.algorithm", "")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.ssl.endpoint.identification.algorithm");
        assertThat(parse(Map.of(URL, "https://a", "schema.registry.ssl.endpoint.identification.algorithm", "HTTPS")).tls())
                .isEmpty();
    }
}
