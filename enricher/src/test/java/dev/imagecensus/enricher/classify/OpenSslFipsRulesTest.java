package dev.imagecensus.enricher.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.schemas.avro.EvidenceStrength;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenSslFipsRulesTest {

    private static Optional<OpenSslFipsRules.Finding> judge(String config, Map<String, String> otherFiles) {
        OpenSslConfig loaded = OpenSslConfig.load(new OpenSslConfig.Source("etc/ssl/openssl.cnf", config),
                (include, from) -> otherFiles.containsKey(include)
                        ? List.of(new OpenSslConfig.Source(include, otherFiles.get(include))) : List.of());
        return OpenSslFipsRules.judge(loaded);
    }

    @Test
    void shouldBeEnforcedWhenFipsProviderIsActivatedAndFipsYesIsRequired() {
        // When
        Optional<OpenSslFipsRules.Finding> finding = judge(OpenSslConfigs.ENFORCING,
                Map.of("/etc/ssl/fipsmodule.cnf", OpenSslConfigs.FIPS_MODULE));

        // Then
        assertThat(finding).map(OpenSslFipsRules.Finding::strength).contains(EvidenceStrength.ENFORCED);
        assertThat(finding.get().detail())
                .isEqualTo("default_properties = fips=yes; fips provider activated (read with /etc/ssl/fipsmodule.cnf)");
    }

    @Test
    void shouldStillBeEnforcedWhenTheFipsModuleIncludeIsMissing() {
        // When
        Optional<OpenSslFipsRules.Finding> finding = judge(OpenSslConfigs.ENFORCING, Map.of());

        // Then
        assertThat(finding).map(OpenSslFipsRules.Finding::strength).contains(EvidenceStrength.ENFORCED);
        assertThat(finding.get().detail()).contains("fips provider in an unread include");
    }

    @Test
    void shouldBeCapableWhenFipsProviderIsOnlyLoaded() {
        // When / Then
        assertThat(judge(OpenSslConfigs.LOADING, Map.of())).map(OpenSslFipsRules.Finding::strength)
                .contains(EvidenceStrength.CAPABLE);
    }

    @Test
    void shouldFindNothingWhenFipsLinesAreCommentedOut() {
        // When / Then
        assertThat(judge(OpenSslConfigs.COMMENTED, Map.of())).isEmpty();
    }

    @Test
    void shouldFindNothingWhenProviderIsConfiguredButNotActivated() {
        // Given
        String config = OpenSslConfigs.LOADING.replace("activate = 1   # loaded", "# activate = 1");

        // When / Then
        assertThat(judge(config, Map.of())).isEmpty();
    }

    @Test
    void shouldBeEnforcedWhenOpenSsl102FipsModeIsOn() {
        // Given
        String config = """
                openssl_conf = openssl_init
                [openssl_init]
                alg_section = evp_settings
                [evp_settings]
                fips_mode = yes
                """;

        // When / Then
        assertThat(judge(config, Map.of())).map(OpenSslFipsRules.Finding::strength).contains(EvidenceStrength.ENFORCED);
    }

    @Test
    void shouldReadContinuationLinesQuotesAndIncludeWithEquals() {
        // Given
        String config = """
                openssl_conf = \\
                    openssl_init
                .include = "/etc/ssl/openssl.cnf.d"
                [ openssl_init ]
                alg_section = algs
                [ algs ]
                default_properties = "fips=yes"
                """;

        // When
        OpenSslConfig loaded = OpenSslConfig.load(new OpenSslConfig.Source("etc/ssl/openssl.cnf", config),
                (include, from) -> List.of());

        // Then
        assertThat(loaded.section("default")).containsEntry("openssl_conf", "openssl_init");
        assertThat(loaded.section("algs")).containsEntry("default_properties", "fips=yes");
        assertThat(loaded.unresolvedIncludes()).containsExactly("/etc/ssl/openssl.cnf.d");
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "fips=yes              | true",
            "fips = yes            | true",
            "provider=fips,fips=yes| true",
            "?fips=yes             | false",
            "-fips                 | false",
            "fips=no               | false",
            "provider=default      | false"
    })
    void shouldRequireFipsOnlyWhenThePropertyIsMandatory(String properties, boolean expected) {
        // When / Then
        assertThat(OpenSslFipsRules.requiresFips(properties)).isEqualTo(expected);
    }
}
