package dev.imagecensus.aggregator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PodAndWorkloadStateTest {

    private static final String NGINX = "docker.io/library/nginx:1.27";
    private static final String UBI = "registry.access.redhat.com/ubi9:9.4";

    @Test
    void shouldEnableAPodWhenAnyContainerIsEnforcedOrCapable() {
        assertThat(pod(Containers.classified("p", "a", NGINX, Fips.NOT_DETECTED),
                Containers.classified("p", "b", UBI, Fips.CAPABLE)).fips()).isEqualTo(PodFips.ENABLED);
        assertThat(pod(Containers.classified("p", "a", UBI, Fips.ENFORCED)).fips()).isEqualTo(PodFips.ENABLED);
    }

    @Test
    void shouldCallAPodUnknownWhenNoneIsEnabledAndSomeImageIsUnclassifiedOrUnknown() {
        assertThat(pod(Containers.classified("p", "a", NGINX, Fips.NOT_DETECTED),
                Containers.unclassified("p", "b", UBI)).fips()).isEqualTo(PodFips.UNKNOWN);
        assertThat(pod(Containers.classified("p", "a", NGINX, Fips.UNKNOWN)).fips()).isEqualTo(PodFips.UNKNOWN);
    }

    @Test
    void shouldDisableAPodWhenEveryImageIsClassifiedAndOnlyClaimedOrNotDetected() {
        assertThat(pod(Containers.classified("p", "a", NGINX, Fips.NOT_DETECTED),
                Containers.classified("p", "b", UBI, Fips.CLAIMED)).fips()).isEqualTo(PodFips.DISABLED);
    }

    @Test
    void shouldKeepTheNewPodInstancesContainerWhenTheOldInstancesRemovalArrivesLate() {
        // Given web-0 recreated (new uid) whose container was added before the old instance's removal arrived
        LiveContainer recreated = withUid(Containers.of("default", "web-0", "app", NGINX, null), "uid-new");
        ImageStatus enforced = new ImageStatus("AVAILABLE", Fips.ENFORCED);
        PodState state = Containers.unclassified("web-0", "app", NGINX).addTo(PodState.NONE).plus(recreated, enforced);

        // When the old instance's container is removed
        PodState after = state.without("app", "uid-web-0");

        // Then the new instance's container stays, and its own removal empties the pod
        assertThat(after.containers()).containsEntry("app", PodContainer.of(recreated, enforced));
        assertThat(after.without("app", "uid-new").hasContainers()).isFalse();
    }

    private static LiveContainer withUid(LiveContainer c, String podUid) {
        return new LiveContainer(c.cluster(), c.namespace(), c.pod(), podUid, c.container(), c.containerType(), c.image(),
                c.imageRef(), c.digest(), c.phase(), c.ownerKind(), c.ownerName(), c.observedAt());
    }

    @Test
    void shouldSummarisePodsWhenWorkloadFoldsThem() {
        // Given an enabled pod, a disabled pod and an unknown pod of one workload
        PodState enabled = pod(Containers.classified("p1", "app", UBI, Fips.ENFORCED));
        PodState disabled = pod(Containers.classified("p2", "app", NGINX, Fips.NOT_DETECTED));
        PodState unknown = pod(Containers.unclassified("p3", "app", NGINX));

        // When folded
        WorkloadState all = WorkloadState.NONE.plus(enabled).plus(disabled).plus(unknown);

        // Then pods, roll-up and per-image pod counts add up, and retracting them all empties it
        assertThat(all.pods()).isEqualTo(3);
        assertThat(all.fipsEnabledPods()).isEqualTo(1);
        assertThat(all.fipsUnknownPods()).isEqualTo(1);
        assertThat(all.fips()).isEqualTo(WorkloadFips.PARTIAL);
        assertThat(all.images()).hasSize(2);
        assertThat(all.images().get("app|" + NGINX).pods()).isEqualTo(2);
        WorkloadState none = all.minus(enabled).minus(disabled).minus(unknown);
        assertThat(none.hasPods()).isFalse();
        assertThat(none.images()).isEmpty();
    }

    @Test
    void shouldRollUpWorkloadFipsWhenPodsAgreeOrNot() {
        PodState enabled = pod(Containers.classified("p1", "app", UBI, Fips.ENFORCED));
        PodState disabled = pod(Containers.classified("p2", "app", NGINX, Fips.NOT_DETECTED));
        PodState unknown = pod(Containers.unclassified("p3", "app", NGINX));
        assertThat(WorkloadState.NONE.plus(enabled).fips()).isEqualTo(WorkloadFips.ENABLED);
        assertThat(WorkloadState.NONE.plus(disabled).fips()).isEqualTo(WorkloadFips.DISABLED);
        assertThat(WorkloadState.NONE.plus(disabled).plus(unknown).fips()).isEqualTo(WorkloadFips.UNKNOWN);
    }

    private static PodState pod(Containers.Classified... containers) {
        PodState state = PodState.NONE;
        for (Containers.Classified c : containers) {
            state = c.addTo(state);
        }
        return state;
    }
}
