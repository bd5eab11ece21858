package dev.imagecensus.enricher.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.enricher.inspect.ImageInspector;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.ImageClassification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class InspectionServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");
    private static final ImageInspector FAILING = new ImageInspector() {
        @Override
        public Resolution resolve(String reference) {
            throw new IllegalStateException("bug");
        }

        @Override
        public ImageClassification inspect(String reference) {
            throw new IllegalStateException("bug");
        }
    };

    @Test
    void shouldCountOneCompletedRecheckPerIntervalWhenScansKeepRunning() {
        try (InspectionService service = new InspectionService(FAILING, 1, 1, Clock.fixed(T0, ZoneOffset.UTC))) {
            Duration interval = Duration.ofMinutes(5);

            service.recheckScanned(T0.plusSeconds(30), interval);
            service.recheckScanned(T0.plus(interval), interval);
            service.recheckScanned(T0.plus(interval).plusSeconds(30), interval);
            service.recheckScanned(T0.plus(interval.multipliedBy(2)).plusSeconds(1), interval);

            assertThat(service.completedRechecks()).isEqualTo(2);
        }
    }

    @Test
    void shouldSumPendingOverTasksAndForgetClosedOnes() {
        try (InspectionService service = new InspectionService(FAILING, 1, 1, Clock.systemUTC())) {
            service.reportPending(new TaskId(1, 0), 3);
            service.reportPending(new TaskId(1, 1), 4);
            service.reportPending(new TaskId(1, 0), 0);

            assertThat(service.pending()).isEqualTo(4);
        }
    }

    @Test
    void shouldTurnInspectorFailureIntoUnknownErrorWhenInspectorThrows() throws Exception {
        try (InspectionService service = new InspectionService(FAILING, 1, 1, Clock.systemUTC())) {
            CompletableFuture<Outcome> resolved = new CompletableFuture<>();
            CompletableFuture<Outcome> inspected = new CompletableFuture<>();

            service.resolve("docker.io/library/x:1", resolved::complete);
            service.inspect("docker.io/library/x:1", inspected::complete);

            Outcome.Resolved r = (Outcome.Resolved) resolved.get(5, TimeUnit.SECONDS);
            Outcome.Inspected i = (Outcome.Inspected) inspected.get(5, TimeUnit.SECONDS);
            assertThat(r.resolution().existence()).isEqualTo(Existence.UNKNOWN_ERROR);
            assertThat(i.classification().getExistence()).isEqualTo(Existence.UNKNOWN_ERROR);
            assertThat(i.classification().getError()).contains("bug");
            assertThat(service.inFlight()).isZero();
        }
    }
}
