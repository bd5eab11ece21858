package dev.imagecensus.watcher.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.watcher.model.OwnerRef;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventLineTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "ADDED => [2026-11-23T04:54:28Z INFO ] [+|image]  nginx:1.27  [default|web-7d67dc9ff9-mfll9]",
            "UPDATED => [2026-11-23T04:54:28Z INFO ] [~|image]  nginx:1.27  [default|web-7d67dc9ff9-mfll9]",
            "DELETED => [2026-11-23T04:54:28Z INFO ] [-|image]  nginx:1.27  [default|web-7d67dc9ff9-mfll9]"})
    void shouldWriteKimagersFormatWhenLoggingAnEvent(ChangeType type, String expected) {
        PodFacts pod = new PodFacts("u1", "default", "web-7d67dc9ff9-mfll9", "Running", "n1", "5", new OwnerRef("Deployment", "web"));
        Change change = new Change(type, Pods.record(pod, "nginx", "nginx:1.27", null));

        assertThat(EventLine.format(Instant.parse("2026-11-23T04:54:28.734Z"), change)).isEqualTo(expected);
    }
}
