package dev.imagecensus.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldTakeCodeAndMessageWhenBodyIsAConfluentError() {
        SchemaRegistryException e = ErrorResponses.parse(json, 404,
                "{\"error_code\":40403,\"message\":\"Schema 42 not found\"}", "GET http://r/schemas/ids/42");

        assertThat(e.httpStatus()).isEqualTo(404);
        assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
        assertThat(e).hasMessageContaining("Schema 42 not found").hasMessageContaining("GET http://r/schemas/ids/42");
    }

    @Test
    void shouldUseHttpStatusAsCodeWhenBodyIsNotJson() {
        SchemaRegistryException e = ErrorResponses.parse(json, 502, "<html>\n<b>Bad gateway</b></html>", "GET http://r/subjects");

        assertThat(e.errorCode()).isEqualTo(502);
        assertThat(e).hasMessageContaining("HTTP 502").hasMessageContaining("<html> <b>Bad gateway</b></html>");
    }

    @Test
    void shouldUseHttpStatusAsCodeWhenJsonLacksErrorCode() {
        SchemaRegistryException e = ErrorResponses.parse(json, 401, "{\"message\":\"who are you\"}", "GET http://r/subjects");

        assertThat(e.errorCode()).isEqualTo(401);
    }

    @Test
    void shouldAbbreviateWhenBodyIsLong() {
        SchemaRegistryException e = ErrorResponses.parse(json, 500, "x".repeat(5_000), "GET http://r/subjects");

        assertThat(e.getMessage()).hasSizeLessThan(400).endsWith("x... (HTTP 500, error_code 500)");
    }

    @Test
    void shouldHandleEmptyBodyWhenErrorHasNone() {
        assertThat(ErrorResponses.parse(json, 503, "", "GET http://r/subjects"))
                .hasMessageStartingWith("HTTP 503 from GET http://r/subjects");
    }
}
