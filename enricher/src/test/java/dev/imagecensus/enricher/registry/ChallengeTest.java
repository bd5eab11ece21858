package dev.imagecensus.enricher.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChallengeTest {

    @Test
    void shouldReadRealmServiceScopeWhenBearerChallenge() {
        List<Challenge> challenges = Challenge.parse("Bearer realm=\"https://auth.docker.io/token\","
                + "service=\"registry.docker.io\",scope=\"repository:library/nginx:pull\"");

        assertThat(challenges).singleElement().satisfies(c -> {
            assertThat(c.isBearer()).isTrue();
            assertThat(c.realm()).isEqualTo("https://auth.docker.io/token");
            assertThat(c.service()).isEqualTo("registry.docker.io");
            assertThat(c.params()).containsEntry("scope", "repository:library/nginx:pull");
        });
    }

    @Test
    void shouldSplitChallengesWhenHeaderCarriesSeveral() {
        List<Challenge> challenges = Challenge.parse("Basic realm=\"x, y\", Bearer realm=\"https://a/t\", error=insufficient_scope");

        assertThat(challenges).extracting(Challenge::scheme).containsExactly("basic", "bearer");
        assertThat(challenges.get(0).realm()).isEqualTo("x, y");
        assertThat(challenges.get(1).error()).isEqualTo("insufficient_scope");
        assertThat(Challenge.preferred(List.of("Basic realm=\"x\"", "Bearer realm=\"https://a/t\"")))
                .map(Challenge::scheme).hasValue("bearer");
    }

    @Test
    void shouldUnescapeWhenQuotedStringHasBackslashes() {
        assertThat(Challenge.parse("BASIC realm=\"a \\\"quoted\\\" realm\"")).singleElement()
                .satisfies(c -> {
                    assertThat(c.isBasic()).isTrue();
                    assertThat(c.realm()).isEqualTo("a \"quoted\" realm");
                });
    }

    @Test
    void shouldFindNothingWhenHeaderIsEmptyOrJunk() {
        assertThat(Challenge.parse("")).isEmpty();
        assertThat(Challenge.parse(null)).isEmpty();
        assertThat(Challenge.preferred(List.of("Negotiate", "Bearer service=\"no realm\""))).isEmpty();
        assertThat(Challenge.parse("=\"=")).isEmpty();
    }
}
