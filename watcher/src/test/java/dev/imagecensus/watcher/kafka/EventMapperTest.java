package dev.imagecensus.watcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.schemas.avro.ContainerType;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.avro.ImageEventType;
import dev.imagecensus.watcher.inventory.Change;
import dev.imagecensus.watcher.inventory.ChangeType;
import dev.imagecensus.watcher.inventory.ContainerRecord;
import dev.imagecensus.watcher.inventory.PodFacts;
import dev.imagecensus.watcher.model.ContainerKind;
import dev.imagecensus.watcher.model.OwnerRef;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EventMapperTest {

    private static final String DIGEST = "sha256:" + "d".repeat(64);
    private static final PodFacts POD = new PodFacts("uid-1", "shop", "web-1", "Running", "node-2", "42",
            new OwnerRef("Deployment", "web"));
    private static final Instant AT = Instant.parse("2026-11-23T04:54:28.123Z");

    @ParameterizedTest(name = "[{index}] image '{0}'")
    @CsvSource(nullValues = "-", delimiterString = " | ", value = {
            "nginx:1.27 | docker.io/library/nginx:1.27 | -",
            "ghcr.io/org/app@" + "sha256:dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
                    + " | ghcr.io/org/app@sha256:dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd | -",
            "localhost:5000/x:y | localhost:5000/x:y | -",
            "Not A Valid Ref | - | invalid",
            "'' | - | empty"})
    void shouldMarkTheReferenceInvalidWhenItCannotBeParsed(String image, String canonical, String reasonPart) {
        ContainerRecord record = new ContainerRecord(POD, "c", ContainerKind.APP, image, null);

        ImageEvent event = EventMapper.toEvent("prod", new Change(ChangeType.ADDED, record), AT);

        assertThat(event.getImage()).isEqualTo(image);
        assertThat(event.getImageRef()).isEqualTo(canonical);
        if (reasonPart == null) {
            assertThat(event.getInvalidReason()).isNull();
        } else {
            assertThat(event.getInvalidReason()).isNotBlank();
        }
    }

    @Test
    void shouldFillEveryFieldWhenMappingAChange() {
        ContainerRecord record = new ContainerRecord(POD, "proxy", ContainerKind.SIDECAR, "envoy:1",
                "docker.io/library/envoy@" + DIGEST);

        ImageEvent event = EventMapper.toEvent("prod", new Change(ChangeType.UPDATED, record), AT);

        assertThat(EventMapper.key("prod", record)).isEqualTo("prod/uid-1/proxy");
        assertThat(event.getType()).isEqualTo(ImageEventType.UPDATED);
        assertThat(event.getCluster()).isEqualTo("prod");
        assertThat(event.getNamespace()).isEqualTo("shop");
        assertThat(event.getPodName()).isEqualTo("web-1");
        assertThat(event.getPodUid()).isEqualTo("uid-1");
        assertThat(event.getContainer()).isEqualTo("proxy");
        assertThat(event.getContainerType()).isEqualTo(ContainerType.SIDECAR);
        assertThat(event.getDigest()).isEqualTo(DIGEST);
        assertThat(event.getPhase()).isEqualTo("Running");
        assertThat(event.getOwnerKind()).isEqualTo("Deployment");
        assertThat(event.getOwnerName()).isEqualTo("web");
        assertThat(event.getNodeName()).isEqualTo("node-2");
        assertThat(event.getResourceVersion()).isEqualTo("42");
        assertThat(event.getObservedAt()).isEqualTo(AT);
    }

    @Test
    void shouldGiveBackTheSameRecordWhenReadingAnEventBack() {
        ContainerRecord record = new ContainerRecord(POD, "init", ContainerKind.INIT, "flyway:10", null);

        ContainerRecord back = EventMapper.toRecord(EventMapper.toEvent("prod", new Change(ChangeType.ADDED, record), AT));

        assertThat(back).isEqualTo(record);
    }
}
