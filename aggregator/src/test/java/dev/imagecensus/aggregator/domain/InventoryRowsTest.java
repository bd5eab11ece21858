package dev.imagecensus.aggregator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.schemas.avro.ImageInventory;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InventoryRowsTest {

    private static final String DIGEST = "sha256:" + "d".repeat(64);
    private static final String PINNED = "ghcr.io/org/app:1.0@" + DIGEST;

    @Test
    void shouldSplitTheNameAndJoinCountsWhenTheImageIsInUse() {
        // Given a pinned image used in two namespaces, not classified yet
        ImageUsage usage = ImageUsage.NONE
                .plus(Containers.of("b-ns", "p1", "app", PINNED, "sha256:2"))
                .plus(Containers.of("a-ns", "p2", "app", PINNED, "sha256:1"));

        // When its row is built
        ImageInventory row = InventoryRows.row(PINNED, new ImageState(usage, null), 9_000L);

        // Then name parts, sorted lists and times are filled, classification fields empty
        assertThat(row.getRegistry()).isEqualTo("ghcr.io");
        assertThat(row.getRepository()).isEqualTo("org/app");
        assertThat(row.getTag()).isEqualTo("1.0");
        assertThat(row.getDigest()).isEqualTo(DIGEST);
        assertThat(row.getContainers()).isEqualTo(2);
        assertThat(row.getNamespaces()).isEqualTo("a-ns,b-ns");
        assertThat(row.getRunningDigests()).isEqualTo("sha256:1,sha256:2");
        assertThat(row.getFirstSeen()).isEqualTo(Instant.ofEpochMilli(1_000L));
        assertThat(row.getUpdatedAt()).isEqualTo(Instant.ofEpochMilli(9_000L));
        assertThat(row.getClassified()).isFalse();
        assertThat(row.getFips()).isNull();
    }

    @Test
    void shouldCarryTheClassificationWhenThereIsOne() {
        ImageUsage usage = ImageUsage.NONE.plus(Containers.of("ns", "p", "app", PINNED, null));
        Classification c = new Classification(PINNED, "AVAILABLE", 1L, DIGEST, "linux", "arm64", "DETECTED", "alpine",
                "3.20.1", "Alpine Linux v3.20", Fips.CAPABLE, "CAPABLE fips-provider usr/lib/ossl-modules/fips.so", true, 2L);

        ImageInventory row = InventoryRows.row(PINNED, new ImageState(usage, c), 3L);

        assertThat(row.getClassified()).isTrue();
        assertThat(row.getArchitecture()).isEqualTo("arm64");
        assertThat(row.getDistroName()).isEqualTo("Alpine Linux v3.20");
        assertThat(row.getFips()).isEqualTo("CAPABLE");
        assertThat(row.getFipsEvidence()).startsWith("CAPABLE");
        assertThat(row.getPartial()).isTrue();
    }

    @Test
    void shouldBeATombstoneWhenNothingUsesTheImage() {
        assertThat(InventoryRows.row(PINNED, null, 1L)).isNull();
        assertThat(InventoryRows.row(PINNED, new ImageState(ImageUsage.NONE, null), 1L)).isNull();
    }
}
