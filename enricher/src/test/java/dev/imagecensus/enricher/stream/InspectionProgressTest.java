package dev.imagecensus.enricher.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InspectionProgressTest {

    private static final Instant T0 = Instant.parse("2026-11-24T00:00:00Z");
    private final InspectionProgress progress = new InspectionProgress(Duration.ofSeconds(10));

    @Test
    void shouldStayQuietWhenBacklogClearsWithinOneInterval() {
        assertThat(progress.tick(T0, 0, 5)).isEmpty();
        assertThat(progress.tick(T0.plusSeconds(3), 5, 0)).isEmpty();
        assertThat(progress.tick(T0.plusSeconds(20), 5, 0)).isEmpty();
    }

    @Test
    void shouldReportEveryIntervalWhileReferencesArePending() {
        progress.tick(T0, 100, 5000);
        assertThat(progress.tick(T0.plusSeconds(5), 600, 4500)).isEmpty();
        assertThat(progress.tick(T0.plusSeconds(10), 1100, 4000))
                .contains("classifying images: 1000 done, 4000 pending, 100/s");
        assertThat(progress.tick(T0.plusSeconds(15), 1600, 3500)).isEmpty();
        assertThat(progress.tick(T0.plusSeconds(20), 2100, 3000))
                .contains("classifying images: 2000 done, 3000 pending, 100/s");
    }

    @Test
    void shouldCloseAReportedBacklogWithTotalsWhenNothingIsPending() {
        progress.tick(T0, 0, 3000);
        progress.tick(T0.plusSeconds(10), 1000, 2000);
        assertThat(progress.tick(T0.plusSeconds(30), 3000, 0))
                .contains("classified 3000 images in 30.0 s (100/s); nothing pending");
        assertThat(progress.tick(T0.plusSeconds(40), 3000, 0)).isEmpty();
    }

    @Test
    void shouldStartANewBacklogAfterTheLastOneEmptied() {
        progress.tick(T0, 0, 10);
        progress.tick(T0.plusSeconds(1), 10, 0);
        progress.tick(T0.plusSeconds(100), 10, 50);
        assertThat(progress.tick(T0.plusSeconds(110), 30, 30))
                .contains("classifying images: 20 done, 30 pending, 2/s");
    }
}
