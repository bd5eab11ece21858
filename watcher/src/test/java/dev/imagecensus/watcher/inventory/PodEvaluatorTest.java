package dev.imagecensus.watcher.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.watcher.model.OwnerRef;
import dev.imagecensus.watcher.model.PodView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodEvaluatorTest {

    private static final OwnerRef BARE = new OwnerRef("Pod", "p");

    @ParameterizedTest(name = "{0} runningOnly={1} → {2}")
    @CsvSource(nullValues = "-", value = {
            "Pending,   false, true",
            "Running,   false, true",
            "Unknown,   false, true",
            "-,         false, true",
            "Succeeded, false, false",
            "Failed,    false, false",
            "Pending,   true,  false",
            "Running,   true,  true",
            "Unknown,   true,  false",
            "Succeeded, true,  false"})
    void shouldCountPodsByPhaseWhenDecidingWhatIsInTheInventory(String phase, boolean runningOnly, boolean counts) {
        PodEvaluator evaluator = new PodEvaluator(NamespaceFilter.all(), runningOnly);
        PodView pod = Pods.pod("u1", "p", phase, null, Pods.app("c", "nginx"));

        assertThat(evaluator.counts(pod)).isEqualTo(counts);
        assertThat(evaluator.desired(pod, evaluator.facts(pod, BARE))).hasSize(counts ? 1 : 0);
    }

    @Test
    void shouldReportUnknownPhaseWhenThePodHasNone() {
        PodEvaluator evaluator = new PodEvaluator(NamespaceFilter.all(), false);
        PodView pod = Pods.pod("u1", "p", null, null, Pods.app("c", "nginx"));

        assertThat(evaluator.facts(pod, BARE).phase()).isEqualTo("Unknown");
    }

    @Test
    void shouldCountNothingWhenTheNamespaceIsExcluded() {
        PodEvaluator evaluator = new PodEvaluator(NamespaceFilter.of(java.util.List.of(), java.util.List.of("default")), false);
        PodView pod = Pods.running("u1", "p", Pods.app("c", "nginx"));

        assertThat(evaluator.desired(pod, evaluator.facts(pod, BARE))).isEmpty();
    }
}
