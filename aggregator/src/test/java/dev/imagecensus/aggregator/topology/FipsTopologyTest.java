package dev.imagecensus.aggregator.topology;

import static dev.imagecensus.aggregator.topology.Events.classification;
import static dev.imagecensus.aggregator.topology.Events.container;
import static dev.imagecensus.aggregator.topology.Events.ref;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.aggregator.AggregatorStores;
import dev.imagecensus.aggregator.domain.Fips;
import dev.imagecensus.aggregator.domain.PodContainer;
import dev.imagecensus.aggregator.domain.PodFips;
import dev.imagecensus.aggregator.domain.PodState;
import dev.imagecensus.aggregator.domain.WorkloadFips;
import dev.imagecensus.aggregator.domain.WorkloadImage;
import dev.imagecensus.aggregator.domain.WorkloadState;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.FipsStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Containers classified by their image and folded per pod and per workload. */
class FipsTopologyTest {

    private static final String POD_1 = Events.CLUSTER + "/default/web-1";
    private static final String WEB = Events.CLUSTER + "/default/Deployment/web";

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
    void shouldEnableThePodWhenAnyContainerImageIsCapable() {
        // Given a pod with an app container and a FIPS-capable sidecar, both classified
        fixture.classify(classification("nginx:1.27", FipsStatus.NOT_DETECTED, Existence.AVAILABLE));
        fixture.classify(classification("registry.access.redhat.com/ubi9:9.4", FipsStatus.CAPABLE, Existence.AVAILABLE));
        var app = container("default", "web-1", "app");
        var sidecar = container("default", "web-1", "proxy").image("registry.access.redhat.com/ubi9:9.4");

        // When both containers are added
        fixture.pipe(app, app.added());
        fixture.pipe(sidecar, sidecar.added());

        // Then the pod is FIPS-enabled and each container carries its image's status
        PodState pod = fixture.<PodState>store(AggregatorStores.POD_STATE).get(POD_1);
        assertThat(pod.fips()).isEqualTo(PodFips.ENABLED);
        assertThat(pod.containers()).containsOnlyKeys("app", "proxy");
        PodContainer proxy = pod.containers().get("proxy");
        assertThat(proxy.fips()).isEqualTo(Fips.CAPABLE);
        assertThat(proxy.existence()).isEqualTo("AVAILABLE");
    }

    @Test
    void shouldFollowTheClassificationWhenItArrivesAfterTheContainer() {
        // Given a pod whose only image is not classified yet
        var app = container("default", "web-1", "app");
        fixture.pipe(app, app.added());
        assertThat(podFips()).isEqualTo(PodFips.UNKNOWN);

        // When it is classified without FIPS, then reclassified as enforced
        fixture.classify(classification("nginx:1.27", FipsStatus.NOT_DETECTED, Existence.AVAILABLE));
        PodFips afterFirst = podFips();
        fixture.classify(classification("nginx:1.27", FipsStatus.ENFORCED, Existence.AVAILABLE));

        // Then the pod goes from UNKNOWN to DISABLED to ENABLED
        assertThat(afterFirst).isEqualTo(PodFips.DISABLED);
        assertThat(podFips()).isEqualTo(PodFips.ENABLED);
    }

    @Test
    void shouldNotEnableThePodWhenFipsIsOnlyClaimed() {
        // Given an image whose name says fips but nothing in it does
        fixture.classify(classification("acme/app-fips:1", FipsStatus.CLAIMED, Existence.AVAILABLE));
        var app = container("default", "web-1", "app").image("acme/app-fips:1");

        // When its container runs
        fixture.pipe(app, app.added());

        // Then the pod is not FIPS-enabled
        assertThat(podFips()).isEqualTo(PodFips.DISABLED);
    }

    @Test
    void shouldSummarisePodsPerWorkloadWhenSomeAreEnabled() {
        // Given a Deployment with two pods, one on a FIPS-enforced image, one not
        fixture.classify(classification("nginx:1.27", FipsStatus.NOT_DETECTED, Existence.AVAILABLE));
        fixture.classify(classification("nginx:1.27-fips", FipsStatus.ENFORCED, Existence.ABSENT));
        var plain = container("default", "web-1", "app");
        var fips = container("default", "web-2", "app").image("nginx:1.27-fips");

        // When both run
        fixture.pipe(plain, plain.added());
        fixture.pipe(fips, fips.added());

        // Then the workload has two pods, one enabled: PARTIAL, and one series per (container, image)
        WorkloadState web = fixture.<WorkloadState>store(AggregatorStores.WORKLOAD_STATE).get(WEB);
        assertThat(web.pods()).isEqualTo(2);
        assertThat(web.fipsEnabledPods()).isEqualTo(1);
        assertThat(web.fips()).isEqualTo(WorkloadFips.PARTIAL);
        assertThat(web.images().values()).containsExactlyInAnyOrder(
                new WorkloadImage("app", ref("nginx:1.27"), "AVAILABLE", Fips.NOT_DETECTED, 1),
                new WorkloadImage("app", ref("nginx:1.27-fips"), "ABSENT", Fips.ENFORCED, 1));

        // And when the plain pod is rolled to the FIPS image in place, the workload is ENABLED
        fixture.pipe(plain, plain.image("nginx:1.27-fips").updated());
        web = fixture.<WorkloadState>store(AggregatorStores.WORKLOAD_STATE).get(WEB);
        assertThat(web.fips()).isEqualTo(WorkloadFips.ENABLED);
        assertThat(web.images().values()).containsExactly(
                new WorkloadImage("app", ref("nginx:1.27-fips"), "ABSENT", Fips.ENFORCED, 2));
    }

    @Test
    void shouldRemovePodAndWorkloadWhenTheirLastContainerGoes() {
        // Given a Deployment with two single-container pods
        var web1 = container("default", "web-1", "app");
        var web2 = container("default", "web-2", "app");
        fixture.pipe(web1, web1.added());
        fixture.pipe(web2, web2.added());

        // When one pod goes, then the other
        fixture.pipe(web1, web1.deleted());
        fixture.tombstone(web1);
        int podsLeft = fixture.<WorkloadState>store(AggregatorStores.WORKLOAD_STATE).get(WEB).pods();
        fixture.pipe(web2, web2.deleted());

        // Then the workload counted one pod in between, and nothing is left at the end
        assertThat(podsLeft).isEqualTo(1);
        assertThat(fixture.entries(AggregatorStores.POD_STATE)).isEmpty();
        assertThat(fixture.entries(AggregatorStores.WORKLOAD_STATE)).isEmpty();
        assertThat(fixture.entries(Names.CONTAINER_PODS)).isEmpty();
        assertThat(fixture.entries(Names.ROLLUP_IMAGE_PODS)).isEmpty();
    }

    @Test
    void shouldMoveThePodToItsWorkloadWhenAProvisionalOwnerIsResolved() {
        // Given a two-container pod first published with its ReplicaSet as provisional owner
        var app = container("default", "web-1", "app").owner("ReplicaSet", "web-7d67dc9ff9");
        var proxy = container("default", "web-1", "proxy").owner("ReplicaSet", "web-7d67dc9ff9");
        fixture.pipe(app, app.added());
        fixture.pipe(proxy, proxy.added());

        // When the watcher resolves the Deployment and updates each container in turn
        fixture.pipe(app, app.owner("Deployment", "web").updated());
        WorkloadState halfway = fixture.<WorkloadState>store(AggregatorStores.WORKLOAD_STATE).get(WEB);
        fixture.pipe(proxy, proxy.owner("Deployment", "web").updated());

        // Then the pod counts once, under the Deployment only, at every step
        assertThat(halfway.pods()).isEqualTo(1);
        assertThat(fixture.entries(AggregatorStores.WORKLOAD_STATE)).hasSize(1);
        WorkloadState web = fixture.<WorkloadState>store(AggregatorStores.WORKLOAD_STATE).get(WEB);
        assertThat(web.pods()).isEqualTo(1);
        assertThat(web.images()).hasSize(2);
        assertThat(fixture.<PodState>store(AggregatorStores.POD_STATE).get(POD_1).ownerKind()).isEqualTo("Deployment");
    }

    @Test
    void shouldKeepARecreatedPodWhenItsPredecessorsRemovalArrivesAfterIt() {
        // Given web-1 recreated under the same name, the new instance added before the old one is deleted
        var before = container("default", "web-1", "app").uid("uid-old");
        var after = container("default", "web-1", "app").uid("uid-new").image("nginx:1.28");
        fixture.pipe(before, before.added());
        fixture.pipe(after, after.added());

        // When the old instance's container is deleted
        fixture.pipe(before, before.deleted());
        fixture.tombstone(before);

        // Then the pod holds the new instance's container and the workload still counts one pod
        PodState pod = fixture.<PodState>store(AggregatorStores.POD_STATE).get(POD_1);
        assertThat(pod.containers().get("app").podUid()).isEqualTo("uid-new");
        assertThat(fixture.<WorkloadState>store(AggregatorStores.WORKLOAD_STATE).get(WEB).pods()).isEqualTo(1);
    }

    @Test
    void shouldKeepInvalidReferencesInTheirPodAsUnknownWhenTheReferenceIsInvalid() {
        // Given a container whose image reference is invalid
        var bad = container("default", "web-1", "app").image("Not A Valid:Ref");

        // When it is added
        fixture.pipe(bad, bad.added());

        // Then its pod exists with FIPS unknown (it can never be classified)
        PodState pod = fixture.<PodState>store(AggregatorStores.POD_STATE).get(POD_1);
        assertThat(pod.fips()).isEqualTo(PodFips.UNKNOWN);
        assertThat(pod.containers().get("app").classified()).isFalse();
    }

    @Test
    void shouldLeaveThePodAsItWasWhenAnUpdateOnlyAddsTheRunningDigest() {
        // Given a running container whose image is classified
        fixture.classify(classification("nginx:1.27", FipsStatus.ENFORCED, Existence.AVAILABLE));
        var app = container("default", "web-1", "app");
        fixture.pipe(app, app.added());
        PodState before = fixture.<PodState>store(AggregatorStores.POD_STATE).get(POD_1);

        // When the runtime reports the digest it pulled
        fixture.pipe(app, app.digest("sha256:" + "b".repeat(64)).updated());

        // Then the roll-up's pod is the same value (nothing for the workload or the listener to redo)
        assertThat(fixture.<PodState>store(AggregatorStores.POD_STATE).get(POD_1)).isEqualTo(before);
    }

    private PodFips podFips() {
        return fixture.<PodState>store(AggregatorStores.POD_STATE).get(POD_1).fips();
    }
}
