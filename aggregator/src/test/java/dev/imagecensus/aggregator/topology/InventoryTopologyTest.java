package dev.imagecensus.aggregator.topology;

import static dev.imagecensus.aggregator.topology.Events.classification;
import static dev.imagecensus.aggregator.topology.Events.container;
import static dev.imagecensus.aggregator.topology.Events.ref;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.aggregator.AggregatorStores;
import dev.imagecensus.aggregator.domain.ImageState;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.FipsStatus;
import dev.imagecensus.schemas.avro.ImageInventory;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** image-inventory: usage ⋈ classification per image, in either order, tombstoned when unused. */
class InventoryTopologyTest {

    private TopologyFixture fixture;

    @BeforeEach
    void start() {
        fixture = TopologyFixture.start();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void shouldWriteAnUnclassifiedRowThenAClassifiedOneWhenClassificationArrivesAfterUsage() {
        // Given a container of an image nobody classified yet
        var web1 = container("default", "web-1", "nginx");
        fixture.pipe(web1, web1.added());

        // Then the row is there, unclassified, with the name split out
        ImageInventory first = fixture.inventory.readValue();
        assertThat(first.getImage()).isEqualTo("docker.io/library/nginx:1.27");
        assertThat(first.getRegistry()).isEqualTo("docker.io");
        assertThat(first.getRepository()).isEqualTo("library/nginx");
        assertThat(first.getTag()).isEqualTo("1.27");
        assertThat(first.getClassified()).isFalse();
        assertThat(first.getFirstSeen()).isEqualTo(Events.T0);
        assertThat(first.getUpdatedAt()).isEqualTo(fixture.now());

        // When the classification arrives
        fixture.classify(classification("nginx:1.27", FipsStatus.NOT_DETECTED, Existence.AVAILABLE));

        // Then the row is rewritten with it, and the state store holds both halves
        ImageInventory second = fixture.inventory.readValue();
        assertThat(second.getClassified()).isTrue();
        assertThat(second.getExistence()).isEqualTo("AVAILABLE");
        assertThat(second.getOs()).isEqualTo("linux");
        assertThat(second.getArchitecture()).isEqualTo("amd64");
        assertThat(second.getDistroId()).isEqualTo("debian");
        assertThat(second.getDistroVersion()).isEqualTo("12");
        assertThat(second.getFips()).isEqualTo("NOT_DETECTED");
        assertThat(second.getContainers()).isEqualTo(1);
        ImageState state = fixture.<ImageState>store(AggregatorStores.IMAGE_STATE).get(ref("nginx:1.27"));
        assertThat(state.classified()).isTrue();
        assertThat(state.usage().containers()).isEqualTo(1);
    }

    @Test
    void shouldWriteAClassifiedRowWhenClassificationArrivesBeforeUsage() {
        // Given a classification of an image not in use
        fixture.classify(classification("nginx:1.27", FipsStatus.CAPABLE, Existence.AVAILABLE));

        // Then no row is written for it
        assertThat(fixture.inventory.isEmpty()).isTrue();

        // When a container starts using it
        var web1 = container("default", "web-1", "nginx");
        fixture.pipe(web1, web1.added());

        // Then the first row is already classified
        ImageInventory row = fixture.inventory.readValue();
        assertThat(row.getClassified()).isTrue();
        assertThat(row.getFips()).isEqualTo("CAPABLE");
    }

    @Test
    void shouldTombstoneTheRowWhenNoContainerUsesTheImageAnyMore() {
        // Given a classified image with one container
        fixture.classify(classification("nginx:1.27", FipsStatus.NOT_DETECTED, Existence.AVAILABLE));
        var web1 = container("default", "web-1", "nginx");
        fixture.pipe(web1, web1.added());
        fixture.inventory.readKeyValuesToList();

        // When the container is deleted and tombstoned
        fixture.pipe(web1, web1.deleted());
        fixture.tombstone(web1);

        // Then exactly one tombstone follows and the state is gone
        List<KeyValue<String, ImageInventory>> rows = fixture.inventory.readKeyValuesToList();
        assertThat(rows).containsExactly(KeyValue.pair(ref("nginx:1.27"), null));
        assertThat(fixture.entries(AggregatorStores.IMAGE_STATE)).isEmpty();
    }

    @Test
    void shouldWriteNothingWhenAnImageNoLongerInUseIsReclassified() {
        // Given an image that was used and is no longer
        var web1 = container("default", "web-1", "nginx");
        fixture.pipe(web1, web1.added());
        fixture.pipe(web1, web1.deleted());
        fixture.inventory.readKeyValuesToList();

        // When the enricher re-checks and reclassifies it
        fixture.classify(classification("nginx:1.27", FipsStatus.NOT_DETECTED, Existence.ABSENT));

        // Then no row (and no spurious tombstone) is written
        assertThat(fixture.inventory.isEmpty()).isTrue();
    }

    @Test
    void shouldUpdateTheRowWhenAnImageInUseIsReclassified() {
        // Given a classified image in use
        fixture.classify(classification("nginx:1.27", FipsStatus.NOT_DETECTED, Existence.AVAILABLE));
        var web1 = container("default", "web-1", "nginx");
        fixture.pipe(web1, web1.added());
        fixture.inventory.readKeyValuesToList();

        // When its registry stops serving it
        fixture.classify(classification("nginx:1.27", FipsStatus.NOT_DETECTED, Existence.ABSENT));

        // Then the row says so
        assertThat(fixture.inventory.readValue().getExistence()).isEqualTo("ABSENT");
    }
}
