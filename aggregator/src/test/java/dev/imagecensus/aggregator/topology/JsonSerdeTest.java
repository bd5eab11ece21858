package dev.imagecensus.aggregator.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagecensus.aggregator.domain.Fips;
import dev.imagecensus.aggregator.domain.ImageStatus;
import dev.imagecensus.aggregator.domain.ImageUsage;
import dev.imagecensus.aggregator.domain.LiveContainer;
import dev.imagecensus.aggregator.domain.PodState;
import dev.imagecensus.aggregator.domain.WorkloadState;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** Internal state survives its changelog: every state record round-trips, unknown fields are tolerated. */
class JsonSerdeTest {

    private static final LiveContainer CONTAINER = new LiveContainer("prod", "default", "web-1", "uid-1", "app", "APP",
            "nginx:1.27", "docker.io/library/nginx:1.27", "sha256:a", "Running", "Deployment", "web", 42L);

    @Test
    void shouldRoundTripStateRecordsWhenWrittenAndReadBack() {
        PodState pod = PodState.NONE.plus(CONTAINER, new ImageStatus("AVAILABLE", Fips.ENFORCED));

        assertThat(roundTrip(StateSerdes.CONTAINER, CONTAINER)).isEqualTo(CONTAINER);
        assertThat(roundTrip(StateSerdes.USAGE, ImageUsage.NONE.plus(CONTAINER))).isEqualTo(ImageUsage.NONE.plus(CONTAINER));
        assertThat(roundTrip(StateSerdes.POD, pod)).isEqualTo(pod);
        assertThat(roundTrip(StateSerdes.WORKLOAD, WorkloadState.NONE.plus(pod))).isEqualTo(WorkloadState.NONE.plus(pod));
        assertThat(roundTrip(StateSerdes.AUDIT_MARK, new AuditMark(7L))).isEqualTo(new AuditMark(7L));
        RollupInput change = RollupInput.of(ContainerChange.of(CONTAINER));
        RollupInput removal = RollupInput.of(ContainerChange.of(CONTAINER).removal());
        RollupInput status = RollupInput.of("docker.io/library/nginx:1.27", new ImageStatus("AVAILABLE", Fips.CAPABLE));
        assertThat(roundTrip(StateSerdes.ROLLUP_INPUT, change)).isEqualTo(change);
        assertThat(roundTrip(StateSerdes.ROLLUP_INPUT, removal)).isEqualTo(removal);
        assertThat(roundTrip(StateSerdes.ROLLUP_INPUT, status)).isEqualTo(status);
    }

    @Test
    void shouldWriteTheSameJsonAsPlainJacksonSoExistingChangelogsStillRead() throws Exception {
        ObjectMapper plain = new ObjectMapper();
        PodState pod = PodState.NONE.plus(CONTAINER, new ImageStatus("AVAILABLE", Fips.ENFORCED));
        ImageUsage usage = ImageUsage.NONE.plus(CONTAINER);

        assertThat(StateSerdes.CONTAINER.serializer().serialize("t", CONTAINER)).isEqualTo(plain.writeValueAsBytes(CONTAINER));
        assertThat(StateSerdes.USAGE.serializer().serialize("t", usage)).isEqualTo(plain.writeValueAsBytes(usage));
        assertThat(StateSerdes.POD.serializer().serialize("t", pod)).isEqualTo(plain.writeValueAsBytes(pod));
        assertThat(StateSerdes.WORKLOAD.serializer().serialize("t", WorkloadState.NONE.plus(pod)))
                .isEqualTo(plain.writeValueAsBytes(WorkloadState.NONE.plus(pod)));
    }

    @Test
    void shouldIgnoreUnknownFieldsWhenANewerVersionWroteThem() {
        byte[] newer = "{\"enteredAt\":5,\"addedLater\":true}".getBytes(StandardCharsets.UTF_8);
        assertThat(StateSerdes.AUDIT_MARK.deserializer().deserialize("t", newer)).isEqualTo(new AuditMark(5L));
    }

    @Test
    void shouldFailWithTheTypeAndTopicWhenBytesAreNotJson() {
        assertThatThrownBy(() -> StateSerdes.USAGE.deserializer().deserialize("some-changelog", new byte[] {1, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("ImageUsage").hasMessageContaining("some-changelog");
    }

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }
}
