package dev.imagecensus.enricher.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenCacheTest {

    @Test
    void shouldNotShareTokensWhenCredentialsDiffer() {
        TokenCache cache = new TokenCache();
        String right = new Credentials("census", "census-secret").fingerprint();
        String wrong = new Credentials("census", "wrong").fingerprint();
        TokenCache.Key rightKey = new TokenCache.Key("r:5000", "http://t/token", "svc", "repository:a:pull", right);
        TokenCache.Key wrongKey = new TokenCache.Key("r:5000", "http://t/token", "svc", "repository:a:pull", wrong);

        cache.put(rightKey, "token-1", 1_000, 0);

        assertThat(right).isNotEqualTo(wrong);
        assertThat(cache.get(rightKey, 10)).isEqualTo("token-1");
        assertThat(cache.get(wrongKey, 10)).isNull();
        assertThat(cache.get(new TokenCache.Key("r:5000", "http://t/token", "svc", "repository:a:pull", "anonymous"), 10)).isNull();
    }

    @Test
    void shouldForgetTokenWhenExpired() {
        TokenCache cache = new TokenCache();
        TokenCache.Key key = new TokenCache.Key("r", "realm", null, "repository:a:pull", "anonymous");

        cache.put(key, "t", 100, 0);

        assertThat(cache.get(key, 99)).isEqualTo("t");
        assertThat(cache.get(key, 100)).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void shouldMapDockerHubAndHonourInsecureListWhenResolvingApiHost() {
        RegistryHosts hosts = new RegistryHosts(java.util.Set.of("127.0.0.1:5000", "Registry.Local"));

        assertThat(hosts.apiBase("docker.io")).hasToString("https://registry-1.docker.io");
        assertThat(hosts.apiBase("index.docker.io")).hasToString("https://registry-1.docker.io");
        assertThat(hosts.apiBase("127.0.0.1:5000")).hasToString("http://127.0.0.1:5000");
        assertThat(hosts.apiBase("registry.local")).hasToString("http://registry.local");
        assertThat(hosts.apiBase("127.0.0.1:5001")).hasToString("https://127.0.0.1:5001");
        assertThat(hosts.apiBase("ghcr.io")).hasToString("https://ghcr.io");
    }
}
