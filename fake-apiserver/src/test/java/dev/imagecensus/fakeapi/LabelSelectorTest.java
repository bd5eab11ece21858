package dev.imagecensus.fakeapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelSelectorTest {

  private static final Map<String, String> LABELS = Map.of("app", "web", "tier", "front", "replicas", "3",
      "app.kubernetes.io/name", "shop");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "''                              | true",
      "app=web                         | true",
      "app==web                        | true",
      "app=db                          | false",
      "app!=db                         | true",
      "missing!=x                      | true",
      "app in (web, db)                | true",
      "app notin (web)                 | false",
      "missing notin (web)             | true",
      "missing in (web)                | false",
      "app                             | true",
      "!app                            | false",
      "!missing                        | true",
      "replicas>2                      | true",
      "replicas<3                      | false",
      "app=web,tier=front              | true",
      "app=web,tier=back               | false",
      "app.kubernetes.io/name=shop     | true",
      "app in (web,db),tier notin (x)  | true",
  })
  void shouldMatchLabelsWhenSelectorIsValid(String selector, boolean expected) {
    assertThat(LabelSelector.parse(selector).matches(LABELS::get)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"app=", "=web", "app in web", "app=we b", "a>b", "app in (w b)", "!"})
  void shouldRejectWithBadRequestWhenSelectorIsMalformed(String selector) {
    // "app=" alone is valid (empty value); the others are not.
    if (selector.equals("app=")) {
      assertThat(LabelSelector.parse(selector).matches(Map.of("app", "")::get)).isTrue();
      return;
    }
    assertThatThrownBy(() -> LabelSelector.parse(selector))
        .isInstanceOfSatisfying(ApiStatus.class, s -> assertThat(s.code()).isEqualTo(400));
  }
}
