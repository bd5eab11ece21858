package dev.imagecensus.watcher.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamespaceFilterTest {

    @ParameterizedTest(name = "include [{0}] exclude [{1}]: {2} → {3}")
    @CsvSource(delimiter = '|', value = {
            "                 |                      | default     | true",
            "default          |                      | default     | true",
            "default          |                      | default-2   | false",
            "team-.*          |                      | team-a      | true",
            "team-.*          |                      | my-team-a   | false",
            "team-.*,default  |                      | default     | true",
            "                 | kube-.*              | kube-system | false",
            "                 | kube-.*              | default     | true",
            "team-.*          | team-secret          | team-secret | false",
            "team-.*          | team-secret          | team-public | true",
            "                 | default,kube-system  | kube-public | true"})
    void shouldSelectNamespacesWhenGivenNamesAndRegexes(String include, String exclude, String namespace, boolean included) {
        NamespaceFilter filter = NamespaceFilter.of(split(include), split(exclude));

        assertThat(filter.includes(namespace)).isEqualTo(included);
    }

    private static List<String> split(String list) {
        return list == null ? List.of() : Arrays.asList(list.split(","));
    }
}
