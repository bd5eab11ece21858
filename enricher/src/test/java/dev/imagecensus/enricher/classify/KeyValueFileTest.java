package dev.imagecensus.enricher.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyValueFileTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "alpine                      | alpine",
            "\"Alpine Linux v3.20\"      | Alpine Linux v3.20",
            "'single quoted $HOME'       | single quoted $HOME",
            "\"say \\\"hi\\\" \\$x \\\\\" | say \"hi\" $x \\",
            "unquoted trailing # note    | unquoted",
            "a\"b c\"d                   | ab cd",
            "\"\"                        | ~~",
    })
    void shouldReadShellWordWhenValueIsQuotedOrNot(String raw, String expected) {
        // When / Then
        assertThat(KeyValueFile.word(raw.strip())).isEqualTo(expected == null ? "" : expected);
    }

    @Test
    void shouldSkipCommentsAndJunkWhenParsingOsRelease() {
        // Given
        String text = """
                # comment
                   # indented comment
                NAME="Debian GNU/Linux"

                not a line
                =nokey
                1BAD=x
                ID=debian
                VERSION_ID="12"
                ID=debian2
                """;

        // When
        Map<String, String> values = KeyValueFile.parse(text);

        // Then
        assertThat(values).containsExactly(Map.entry("NAME", "Debian GNU/Linux"), Map.entry("ID", "debian2"),
                Map.entry("VERSION_ID", "12"));
    }
}
