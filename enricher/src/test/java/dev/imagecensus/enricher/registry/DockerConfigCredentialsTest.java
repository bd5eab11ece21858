package dev.imagecensus.enricher.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigCredentialsTest {

    private final List<String> helperCalls = new ArrayList<>();
    private final CredentialHelper fakeHelper = (name, serverUrl) -> {
        helperCalls.add(name + " " + serverUrl);
        return Optional.of(new Credentials("from-" + name, "secret-for-" + serverUrl));
    };

    @Test
    void shouldDecodeBase64AuthWhenAuthsEntryHasIt() {
        String auth = Base64.getEncoder().encodeToString("alice:pa:ss".getBytes(StandardCharsets.UTF_8));
        DockerConfigCredentials config = DockerConfigCredentials.parse("""
                {"auths":{"https://index.docker.io/v1/":{"auth":"%s"},
                          "http://registry.local:5000":{"username":"bob","password":"pw"},
                          "broken.example":{"auth":"%%%%"}}}""".formatted(auth), fakeHelper);

        assertThat(config.lookup("docker.io")).hasValue(new Credentials("alice", "pa:ss"));
        assertThat(config.lookup("registry-1.docker.io")).hasValue(new Credentials("alice", "pa:ss"));
        assertThat(config.lookup("registry.local:5000")).hasValue(new Credentials("bob", "pw"));
        assertThat(config.lookup("broken.example")).isEmpty();
        assertThat(config.lookup("ghcr.io")).isEmpty();
        assertThat(helperCalls).isEmpty();
    }

    @Test
    void shouldPreferCredHelperThenAuthsThenCredsStoreWhenLookingUp() {
        DockerConfigCredentials config = DockerConfigCredentials.parse("""
                {"auths":{"ghcr.io":{"username":"inline","password":"x"}},
                 "credHelpers":{"123.dkr.ecr.us-east-1.amazonaws.com":"ecr-login","ghcr.io":"gh"},
                 "credsStore":"desktop"}""", fakeHelper);

        assertThat(config.lookup("123.dkr.ecr.us-east-1.amazonaws.com")).map(Credentials::username).hasValue("from-ecr-login");
        assertThat(config.lookup("ghcr.io")).map(Credentials::username).hasValue("from-gh");
        assertThat(config.lookup("docker.io")).map(Credentials::secret).hasValue("secret-for-https://index.docker.io/v1/");
        assertThat(config.lookup("quay.io")).map(Credentials::username).hasValue("from-desktop");
        config.lookup("quay.io");
        assertThat(helperCalls).containsExactly("ecr-login 123.dkr.ecr.us-east-1.amazonaws.com", "gh ghcr.io",
                "desktop https://index.docker.io/v1/", "desktop quay.io"); // the second quay.io lookup was cached
    }

    @Test
    void shouldRunHelperProcessWhenCredentialHelperIsOnDisk(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("docker-credential-fake");
        Files.writeString(script, """
                #!/bin/sh
                read server
                if [ "$server" = "registry.local" ]; then
                  echo '{"ServerURL":"registry.local","Username":"robot","Secret":"t0ken"}'
                else
                  echo "credentials not found in native keychain"; exit 1
                fi
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        CredentialHelper helper = CredentialHelper.processes(dir);

        assertThat(helper.get("fake", "registry.local")).hasValue(new Credentials("robot", "t0ken"));
        assertThat(helper.get("fake", "other")).isEmpty();
        assertThat(helper.get("missing", "registry.local")).isEmpty();
        assertThat(helper.get("../../bin/sh", "registry.local")).isEmpty();
    }

    @Test
    void shouldMaskSecretsAndFailClearlyWhenConfigIsBad(@TempDir Path dir) throws Exception {
        assertThat(new Credentials("u", "hunter2").toString()).doesNotContain("hunter2");
        assertThat(CredentialStore.of(Map.of("https://index.docker.io/v1/", new Credentials("u", "p")))
                .lookup("docker.io")).isPresent();
        Path bad = Files.writeString(dir.resolve("config.json"), "{not json");
        assertThatThrownBy(() -> DockerConfigCredentials.load(bad)).hasMessageContaining(bad.toString());
        assertThatThrownBy(() -> DockerConfigCredentials.load(dir.resolve("absent.json"))).hasMessageContaining("absent.json");
    }
}
