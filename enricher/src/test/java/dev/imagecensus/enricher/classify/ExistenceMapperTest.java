package dev.imagecensus.enricher.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.enricher.classify.RegistryOutcome.FailureKind;
import dev.imagecensus.schemas.avro.Existence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExistenceMapperTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "200, ,                     AVAILABLE",
            "204, ,                     AVAILABLE",
            "404, MANIFEST_UNKNOWN,     ABSENT",
            "404, NAME_UNKNOWN,         ABSENT",
            "404, ,                     ABSENT",
            "400, ,                     BAD_IMAGE_FORMAT",
            "400, TAG_INVALID,          BAD_IMAGE_FORMAT",
            "401, UNAUTHORIZED,         AUTHENTICATION_FAILURE",
            "403, DENIED,               AUTHORIZATION_FAILURE",
            "429, TOOMANYREQUESTS,      REGISTRY_UNAVAILABLE",
            "500, ,                     REGISTRY_UNAVAILABLE",
            "502, ,                     REGISTRY_UNAVAILABLE",
            "503, UNAVAILABLE,          REGISTRY_UNAVAILABLE",
            "405, UNSUPPORTED,          UNKNOWN_ERROR",
            "302, ,                     UNKNOWN_ERROR"
    })
    void shouldMapHttpAnswerWhenRegistryResponds(int status, String code, Existence expected) {
        // When / Then
        assertThat(ExistenceMapper.map(new RegistryOutcome.Http(status, code))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "INVALID_REFERENCE, BAD_IMAGE_FORMAT",
            "CONNECTION,        REGISTRY_UNAVAILABLE",
            "TIMEOUT,           REGISTRY_UNAVAILABLE",
            "TLS,               REGISTRY_UNAVAILABLE",
            "OTHER,             UNKNOWN_ERROR"
    })
    void shouldMapFailureWhenThereIsNoHttpAnswer(FailureKind kind, Existence expected) {
        // When / Then
        assertThat(ExistenceMapper.map(new RegistryOutcome.Failure(kind, "boom"))).isEqualTo(expected);
    }
}
