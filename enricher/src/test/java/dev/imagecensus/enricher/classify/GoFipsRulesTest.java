package dev.imagecensus.enricher.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.schemas.avro.EvidenceStrength;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoFipsRulesTest {

    @ParameterizedTest(name = "{0} [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            "go1.24.1               | GOFIPS140=v1.0.0                          | ENFORCED",
            "go1.24.1               | GOFIPS140=latest                          | ENFORCED",
            "go1.24.1               | GOFIPS140=off                             | ",
            "go1.24.1               | DefaultGODEBUG=tlsrsakex=1,fips140=only   | ENFORCED",
            "go1.24.1               | DefaultGODEBUG=fips140=off                | ",
            "go1.22.5 X:boringcrypto| CGO_ENABLED=1                             | CAPABLE",
            "go1.19.3               | GOEXPERIMENT=boringcrypto                 | CAPABLE",
            "go1.18.10b7            | -tags=netgo,boringcrypto                  | CAPABLE",
            "go1.22.7               | GOEXPERIMENT=systemcrypto                 | CAPABLE",
            "go1.22.7               | -tags=requirefips                         | ENFORCED",
            "go1.22.7               | GOEXPERIMENT=strictfipsruntime,opensslcrypto | ENFORCED",
            "go1.23.4               | CGO_ENABLED=0                             | "
    })
    void shouldJudgeGoBuildWhenSettingsMentionFips(String version, String setting, EvidenceStrength expected) {
        // Given
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
        GoBuildInfo info = new GoBuildInfo(version, "example.com/app", settings);

        // When / Then
        assertThat(GoFipsRules.judge("app", info).map(FipsEvidenceItem::strength).orElse(null)).isEqualTo(expected);
    }
}
