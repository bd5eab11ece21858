package dev.imagecensus.watcher.inventory;

import static dev.imagecensus.watcher.inventory.Pods.facts;
import static dev.imagecensus.watcher.inventory.Pods.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.watcher.model.OwnerRef;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContainerDiffTest {

    private static final OwnerRef BARE = new OwnerRef("Pod", "web");
    private static final PodFacts RUNNING = facts("u1", "web", "Running", BARE);
    private static final ContainerRecord NGINX = record(RUNNING, "nginx", "nginx:1.27", null);

    static Stream<Arguments> singleContainerCases() {
        PodFacts pending = facts("u1", "web", "Pending", BARE);
        PodFacts otherNode = new PodFacts("u1", "default", "web", "Running", "node-9", "77", BARE);
        PodFacts deployment = facts("u1", "web", "Running", new OwnerRef("Deployment", "web"));
        return Stream.of(
                Arguments.of("appears", List.of(), List.of(NGINX), ChangeType.ADDED),
                Arguments.of("digest becomes known", List.of(NGINX),
                        List.of(record(RUNNING, "nginx", "nginx:1.27", "docker.io/library/nginx@sha256:" + "a".repeat(64))),
                        ChangeType.UPDATED),
                Arguments.of("image changes", List.of(NGINX), List.of(record(RUNNING, "nginx", "nginx:1.28", null)),
                        ChangeType.UPDATED),
                Arguments.of("phase changes", List.of(record(pending, "nginx", "nginx:1.27", null)), List.of(NGINX),
                        ChangeType.UPDATED),
                Arguments.of("owner is resolved", List.of(NGINX), List.of(NGINX.withPod(deployment)), ChangeType.UPDATED),
                Arguments.of("only node and resourceVersion change", List.of(NGINX), List.of(NGINX.withPod(otherNode)), null),
                Arguments.of("nothing changes", List.of(NGINX), List.of(NGINX), null),
                Arguments.of("pod no longer counts", List.of(NGINX), List.of(), ChangeType.DELETED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleContainerCases")
    void shouldEmitExactlyTheExpectedChangeWhenAContainerChanges(String name, List<ContainerRecord> published,
                                                                  List<ContainerRecord> desired, ChangeType expected) {
        List<Change> changes = ContainerDiff.diff(published, desired, RUNNING);

        assertThat(changes).extracting(Change::type).containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
    }

    @Test
    void shouldCarryTheCurrentPodFactsWhenDeleting() {
        PodFacts succeeded = facts("u1", "web", "Succeeded", BARE);

        List<Change> changes = ContainerDiff.diff(List.of(NGINX), List.of(), succeeded);

        assertThat(changes).containsExactly(new Change(ChangeType.DELETED, NGINX.withPod(succeeded)));
    }

    @Test
    void shouldKeepThePublishedRecordWhenThePodVanishedWithoutTrace() {
        assertThat(ContainerDiff.diff(List.of(NGINX), List.of(), null)).containsExactly(new Change(ChangeType.DELETED, NGINX));
    }

    @Test
    void shouldDiffEachContainerOnItsOwnWhenAPodHasSeveral() {
        ContainerRecord sidecar = record(RUNNING, "proxy", "envoy:1", null);
        ContainerRecord newDebug = record(RUNNING, "debug", "busybox", null);
        ContainerRecord nginxWithDigest = record(RUNNING, "nginx", "nginx:1.27", "sha256:" + "b".repeat(64));

        List<Change> changes = ContainerDiff.diff(List.of(NGINX, sidecar), List.of(nginxWithDigest, newDebug), RUNNING);

        assertThat(changes).containsExactly(
                new Change(ChangeType.UPDATED, nginxWithDigest),
                new Change(ChangeType.ADDED, newDebug),
                new Change(ChangeType.DELETED, sidecar));
    }
}
