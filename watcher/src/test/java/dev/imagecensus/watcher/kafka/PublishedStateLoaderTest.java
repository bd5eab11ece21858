package dev.imagecensus.watcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.watcher.inventory.Change;
import dev.imagecensus.watcher.inventory.ChangeType;
import dev.imagecensus.watcher.inventory.ContainerRecord;
import dev.imagecensus.watcher.inventory.PodFacts;
import dev.imagecensus.watcher.model.ContainerKind;
import dev.imagecensus.watcher.model.OwnerRef;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishedStateLoaderTest {

    private static final ContainerRecord NGINX = new ContainerRecord(
            new PodFacts("u1", "ns", "p", "Running", null, "1", new OwnerRef("Pod", "p")), "c", ContainerKind.APP, "nginx", null);

    @Test
    void shouldKeepTheLastValueWhenAKeyWasAddedThenUpdated() {
        Map<String, ContainerRecord> latest = new HashMap<>();

        PublishedStateLoader.apply(latest, "k", EventMapper.toEvent("c", new Change(ChangeType.ADDED, NGINX), Instant.EPOCH));
        ContainerRecord withDigest = new ContainerRecord(NGINX.pod(), "c", ContainerKind.APP, "nginx", "sha256:" + "e".repeat(64));
        PublishedStateLoader.apply(latest, "k", EventMapper.toEvent("c", new Change(ChangeType.UPDATED, withDigest), Instant.EPOCH));

        assertThat(latest).containsExactly(Map.entry("k", withDigest));
    }

    @Test
    void shouldForgetTheKeyWhenItsLastWordIsADeleteOrATombstone() {
        Map<String, ContainerRecord> latest = new HashMap<>();
        PublishedStateLoader.apply(latest, "a", EventMapper.toEvent("c", new Change(ChangeType.ADDED, NGINX), Instant.EPOCH));
        PublishedStateLoader.apply(latest, "b", EventMapper.toEvent("c", new Change(ChangeType.ADDED, NGINX), Instant.EPOCH));

        PublishedStateLoader.apply(latest, "a", EventMapper.toEvent("c", new Change(ChangeType.DELETED, NGINX), Instant.EPOCH));
        PublishedStateLoader.apply(latest, "b", null);

        assertThat(latest).isEmpty();
    }
}
