package dev.imagecensus.aggregator.topology;

import static dev.imagecensus.aggregator.topology.Events.container;
import static dev.imagecensus.aggregator.topology.Events.ref;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.aggregator.AggregatorStores;
import dev.imagecensus.aggregator.domain.ImageUsage;
import dev.imagecensus.aggregator.domain.LiveContainer;
import dev.imagecensus.schemas.avro.ImageInventory;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-image usage: exact counts under adds, updates, deletes, duplicates and in-place image changes. */
class ImageUsageTopologyTest {

    private static final String DIGEST_A = "sha256:" + "a".repeat(64);
    private static final String DIGEST_B = "sha256:" + "b".repeat(64);

    private TopologyFixture fixture;
    private KeyValueStore<String, ImageUsage> usage;

    @BeforeEach
    void start() {
        fixture = TopologyFixture.start();
        usage = fixture.store(AggregatorStores.IMAGE_USAGE);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void shouldCountContainersPerNamespaceAndDigestWhenContainersAreAdded() {
        // Given three containers of nginx:1.27 in two namespaces
        var web1 = container("default", "web-1", "nginx").digest(DIGEST_A);
        var web2 = container("default", "web-2", "nginx").digest(DIGEST_B);
        var api1 = container("api", "api-1", "nginx");

        // When they are added
        fixture.pipe(web1, web1.added());
        fixture.pipe(web2, web2.added());
        fixture.pipe(api1, api1.added());

        // Then the usage counts them, per namespace and per known running digest
        ImageUsage nginx = usage.get(ref("nginx:1.27"));
        assertThat(nginx.containers()).isEqualTo(3);
        assertThat(nginx.namespaces()).isEqualTo(Map.of("default", 2, "api", 1));
        assertThat(nginx.digests()).isEqualTo(Map.of(DIGEST_A, 1, DIGEST_B, 1));
        // And the last inventory row says the same
        ImageInventory row = fixture.inventory.readKeyValuesToMap().get(ref("nginx:1.27"));
        assertThat(row.getContainers()).isEqualTo(3);
        assertThat(row.getNamespaces()).isEqualTo("api,default");
        assertThat(row.getRunningDigests()).isEqualTo(DIGEST_A + "," + DIGEST_B);
    }

    @Test
    void shouldCountOnceWhenTheSameAddedEventArrivesTwice() {
        // Given a container that was added
        var web1 = container("default", "web-1", "nginx");
        fixture.pipe(web1, web1.added());

        // When the same ADDED arrives again (watcher restart, producer retry)
        fixture.pipe(web1, web1.added());

        // Then it is still one container
        assertThat(usage.get(ref("nginx:1.27")).containers()).isEqualTo(1);
        assertThat(fixture.entries(AggregatorStores.LIVE_CONTAINERS)).hasSize(1);
    }

    @Test
    void shouldKeepTheCountWhenAnUpdateChangesOnlyTheDigest() {
        // Given a container whose digest was not yet known
        var web1 = container("default", "web-1", "nginx");
        fixture.pipe(web1, web1.added());

        // When an UPDATED reports the running digest
        fixture.pipe(web1, web1.digest(DIGEST_A).updated());

        // Then the count is unchanged and the digest is recorded
        ImageUsage nginx = usage.get(ref("nginx:1.27"));
        assertThat(nginx.containers()).isEqualTo(1);
        assertThat(nginx.digests()).isEqualTo(Map.of(DIGEST_A, 1));
    }

    @Test
    void shouldMoveTheContainerWhenItsImageIsChangedInPlace() {
        // Given two containers on nginx:1.27
        var web1 = container("default", "web-1", "nginx");
        var web2 = container("default", "web-2", "nginx");
        fixture.pipe(web1, web1.added());
        fixture.pipe(web2, web2.added());

        // When one is patched to nginx:1.28 in place (same pod, same container)
        fixture.pipe(web1, web1.image("nginx:1.28").updated());

        // Then the old image's count drops and the new one's rises
        assertThat(usage.get(ref("nginx:1.27")).containers()).isEqualTo(1);
        assertThat(usage.get(ref("nginx:1.28")).containers()).isEqualTo(1);
        LiveContainer live = fixture.<LiveContainer>store(AggregatorStores.LIVE_CONTAINERS).get(web1.key());
        assertThat(live.imageRef()).isEqualTo(ref("nginx:1.28"));
    }

    @Test
    void shouldRemoveTheContainerWhenDeletedAndIgnoreTheFollowingTombstone() {
        // Given two containers of one image
        var web1 = container("default", "web-1", "nginx");
        var web2 = container("default", "web-2", "nginx");
        fixture.pipe(web1, web1.added());
        fixture.pipe(web2, web2.added());

        // When one is DELETED and its tombstone follows
        fixture.pipe(web1, web1.deleted());
        fixture.tombstone(web1);

        // Then exactly one container is left
        assertThat(usage.get(ref("nginx:1.27")).containers()).isEqualTo(1);
        assertThat(fixture.store(AggregatorStores.LIVE_CONTAINERS).get(web1.key())).isNull();
    }

    @Test
    void shouldRemoveTheContainerWhenOnlyATombstoneArrives() {
        // Given a container
        var web1 = container("default", "web-1", "nginx");
        var web2 = container("default", "web-2", "nginx");
        fixture.pipe(web1, web1.added());
        fixture.pipe(web2, web2.added());

        // When its key is tombstoned without a DELETED first (e.g. compaction already removed the DELETED)
        fixture.tombstone(web1);

        // Then it no longer counts
        assertThat(usage.get(ref("nginx:1.27")).containers()).isEqualTo(1);
    }

    @Test
    void shouldDropTheImageFromUsageWhenItsLastContainerGoes() {
        // Given an image with one container
        var web1 = container("default", "web-1", "nginx");
        fixture.pipe(web1, web1.added());

        // When the container is deleted
        fixture.pipe(web1, web1.deleted());

        // Then the usage store no longer holds the image (no zero-count leftovers)
        assertThat(usage.get(ref("nginx:1.27"))).isNull();
        assertThat(fixture.entries(AggregatorStores.IMAGE_USAGE)).isEmpty();
    }

    @Test
    void shouldCountInvalidReferencesApartWhenTheWrittenImageIsInvalid() {
        // Given a container whose image reference is invalid, and a valid one
        var bad = container("default", "bad-1", "app").image("Not A Valid:Ref");
        var good = container("default", "web-1", "nginx");

        // When both are added
        fixture.pipe(bad, bad.added());
        fixture.pipe(good, good.added());

        // Then the invalid one is counted under its written reference, outside image usage and inventory
        assertThat(fixture.<Integer>store(AggregatorStores.INVALID_REFERENCES).get("Not A Valid:Ref")).isEqualTo(1);
        assertThat(fixture.entries(AggregatorStores.IMAGE_USAGE)).containsOnlyKeys(ref("nginx:1.27"));
        assertThat(fixture.inventory.readKeyValuesToMap()).containsOnlyKeys(ref("nginx:1.27"));

        // And when it is fixed in place, it moves to image usage
        fixture.pipe(bad, bad.image("nginx:1.27").updated());
        assertThat(fixture.<Integer>store(AggregatorStores.INVALID_REFERENCES).get("Not A Valid:Ref")).isNull();
        assertThat(usage.get(ref("nginx:1.27")).containers()).isEqualTo(2);
    }
}
