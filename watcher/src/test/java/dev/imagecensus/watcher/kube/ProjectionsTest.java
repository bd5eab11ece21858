package dev.imagecensus.watcher.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagecensus.watcher.model.ContainerKind;
import dev.imagecensus.watcher.model.ContainerSpec;
import dev.imagecensus.watcher.model.OwnerRef;
import dev.imagecensus.watcher.model.PodView;
import dev.imagecensus.watcher.model.ResourceType;
import dev.imagecensus.watcher.model.WorkloadView;
import org.junit.jupiter.api.Test;

class ProjectionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DIGEST = "sha256:" + "a".repeat(64);

    /** A pod as a cluster newer than our client would send it: unknown fields everywhere. */
    private static final String FULL_POD = """
            {"apiVersion":"v1","kind":"Pod","futureTopLevel":{"x":1},
             "metadata":{"uid":"u-1","namespace":"shop","name":"web-7d67dc9ff9-mfll9","resourceVersion":"42",
               "labels":{"app":"web"},"someNewMetadata":[1,2,3],
               "ownerReferences":[
                 {"apiVersion":"v1","kind":"Node","name":"n0"},
                 {"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-7d67dc9ff9","controller":true,"uid":"rs-1"}]},
             "spec":{"nodeName":"node-3","newSchedulingThing":{"deep":{"deeper":true}},
               "initContainers":[{"name":"migrate","image":"flyway:10"},
                                 {"name":"proxy","image":"envoyproxy/envoy:v1.31","restartPolicy":"Always"}],
               "containers":[{"name":"web","image":"nginx:1.27","resizePolicy":[{"new":"field"}]},
                             {"name":"bad","image":"Not A Valid Ref"}],
               "ephemeralContainers":[{"name":"debugger","image":"busybox","targetContainerName":"web"}]},
             "status":{"phase":"Running","hostIPs":[{"ip":"10.0.0.1"}],"newStatusField":"x",
               "containerStatuses":[{"name":"web","imageID":"docker.io/library/nginx@%s","allocatedResources":{}},
                                    {"name":"bad","imageID":""}],
               "initContainerStatuses":[{"name":"migrate","imageID":"docker-pullable://flyway@%s"}],
               "ephemeralContainerStatuses":[{"name":"debugger","imageID":"sha256:%s"}]}}
            """.formatted(DIGEST, DIGEST, "b".repeat(64));

    @Test
    void shouldDecodeEveryContainerKindWhenThePodCarriesUnknownFields() throws Exception {
        PodView pod = Projections.pod(JSON.readTree(FULL_POD));

        assertThat(pod.uid()).isEqualTo("u-1");
        assertThat(pod.namespace()).isEqualTo("shop");
        assertThat(pod.name()).isEqualTo("web-7d67dc9ff9-mfll9");
        assertThat(pod.resourceVersion()).isEqualTo("42");
        assertThat(pod.phase()).isEqualTo("Running");
        assertThat(pod.nodeName()).isEqualTo("node-3");
        assertThat(pod.controller()).isEqualTo(new OwnerRef("ReplicaSet", "web-7d67dc9ff9"));
        assertThat(pod.containers()).containsExactly(
                new ContainerSpec("migrate", "flyway:10", ContainerKind.INIT, "docker-pullable://flyway@" + DIGEST),
                new ContainerSpec("proxy", "envoyproxy/envoy:v1.31", ContainerKind.SIDECAR, null),
                new ContainerSpec("web", "nginx:1.27", ContainerKind.APP, "docker.io/library/nginx@" + DIGEST),
                new ContainerSpec("bad", "Not A Valid Ref", ContainerKind.APP, null),
                new ContainerSpec("debugger", "busybox", ContainerKind.EPHEMERAL, "sha256:" + "b".repeat(64)));
    }

    @Test
    void shouldTolerateMissingSectionsWhenThePodIsNew() throws Exception {
        PodView pod = Projections.pod(JSON.readTree("""
                {"metadata":{"uid":"u","namespace":"ns","name":"p"},"spec":{"containers":[{"name":"c"}]}}"""));

        assertThat(pod.phase()).isNull();
        assertThat(pod.nodeName()).isNull();
        assertThat(pod.controller()).isNull();
        assertThat(pod.containers()).containsExactly(new ContainerSpec("c", "", ContainerKind.APP, null));
    }

    @Test
    void shouldTakeTheFirstOwnerWhenNoneIsTheController() throws Exception {
        PodView pod = Projections.pod(JSON.readTree("""
                {"metadata":{"uid":"u","namespace":"ns","name":"p",
                  "ownerReferences":[{"kind":"StatefulSet","name":"db"},{"kind":"Other","name":"o"}]}}"""));

        assertThat(pod.controller()).isEqualTo(new OwnerRef("StatefulSet", "db"));
    }

    @Test
    void shouldRejectAnObjectWhenItCannotBeIdentified() throws Exception {
        JsonNode noUid = JSON.readTree("{\"metadata\":{\"namespace\":\"ns\",\"name\":\"p\"}}");

        assertThatThrownBy(() -> Projections.pod(noUid)).isInstanceOf(Projections.MalformedObjectException.class)
                .hasMessageContaining("metadata.uid");
    }

    @Test
    void shouldKeepTheControllerWhenDecodingAReplicaSet() throws Exception {
        WorkloadView rs = Projections.workload(ResourceType.REPLICA_SET, JSON.readTree("""
                {"metadata":{"namespace":"shop","name":"web-7d67dc9ff9","resourceVersion":"7","unknown":{},
                  "ownerReferences":[{"kind":"Deployment","name":"web","controller":true}]},
                 "spec":{"replicas":3},"status":{"whatever":1}}"""));

        assertThat(rs).isEqualTo(new WorkloadView(ResourceType.REPLICA_SET, "shop", "web-7d67dc9ff9", "7",
                new OwnerRef("Deployment", "web")));
    }
}
