package dev.imagecensus.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1Service;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code deploy/kubernetes}: strict decoding, the restricted security context, probes, resources, wiring. */
class KubernetesManifestsTest {

    static final Path BASE = DeployFiles.path("kubernetes", "base");
    static final Path OVERLAY = DeployFiles.path("kubernetes", "overlays", "pull-secrets");

    static Stream<Path> manifestFiles() {
        return Stream.concat(DeployFiles.files(BASE, ".yaml").stream(), DeployFiles.files(OVERLAY, ".yaml").stream())
                .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"));
    }

    static Stream<Path> kustomizations() {
        return Stream.of(BASE, OVERLAY);
    }

    @ParameterizedTest
    @MethodSource("manifestFiles")
    void shouldDecodeStrictlyWhenEachManifestIsReadIntoTheClientModels(Path file) throws Exception {
        assertThat(file.getFileName().toString()).matches("\\d{3}-[a-z-]+\\.yaml");
        assertThat(Manifests.decodeFile(file)).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void shouldDecodeStrictlyWhenTheKustomizationIsRendered(Path dir) throws Exception {
        List<Object> objects = Manifests.decode(Kustomize.build(dir));

        assertThat(Manifests.ofType(objects, V1Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("image-census-watcher", "image-census-enricher", "image-census-aggregator");
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void shouldRenderLikeKubectlWhenKubectlIsInstalled(Path dir) throws Exception {
        String real = Manifests.kubectlKustomize(dir);
        Assumptions.assumeTrue(real != null, "kubectl not installed");
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

        List<JsonNode> expected = yaml.readerFor(JsonNode.class).<JsonNode>readValues(real).readAll();

        assertThat(Kustomize.render(dir)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void shouldListEveryBaseFileWhenTheKustomizationIsRead() throws Exception {
        JsonNode k = new ObjectMapper(new YAMLFactory()).readTree(BASE.resolve("kustomization.yaml").toFile());
        List<String> listed = new ArrayList<>();
        k.path("resources").forEach(r -> listed.add(r.asText()));

        assertThat(listed).containsExactlyElementsOf(manifestFiles().filter(p -> p.startsWith(BASE))
                .map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void shouldRejectAnUnknownFieldWhenDecoding() {
        String yaml = "apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec: {clusterIp: None}\n";

        assertThatThrownBy(() -> Manifests.decode(yaml)).hasMessageContaining("clusterIp");
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void shouldRunEveryContainerRestrictedWhenRendered(Path dir) throws Exception {
        for (V1Deployment d : deployments(dir)) {
            V1PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
            for (V1Container c : containers(pod)) {
                V1SecurityContext sc = c.getSecurityContext();
                String name = d.getMetadata().getName() + "/" + c.getName();
                assertThat(sc).as(name).isNotNull();
                assertThat(sc.getRunAsNonRoot()).as(name).isTrue();
                assertThat(sc.getAllowPrivilegeEscalation()).as(name).isFalse();
                assertThat(sc.getReadOnlyRootFilesystem()).as(name).isTrue();
                assertThat(sc.getPrivileged()).as(name).isNotEqualTo(Boolean.TRUE);
                assertThat(sc.getCapabilities().getDrop()).as(name).containsExactly("ALL");
                assertThat(sc.getCapabilities().getAdd()).as(name).isNullOrEmpty();
                assertThat(sc.getSeccompProfile().getType()).as(name).isEqualTo("RuntimeDefault");
                assertThat(c.getVolumeMounts()).as(name).anyMatch(m -> m.getMountPath().equals("/tmp"));
            }
        }
    }

    @Test
    void shouldProbeAndBoundEveryContainerWhenRendered() throws Exception {
        for (V1Deployment d : deployments(BASE)) {
            for (V1Container c : containers(d.getSpec().getTemplate().getSpec())) {
                String name = d.getMetadata().getName() + "/" + c.getName();
                assertThat(c.getLivenessProbe().getHttpGet().getPath()).as(name).isEqualTo("/healthz");
                assertThat(c.getReadinessProbe().getHttpGet().getPath()).as(name).isEqualTo("/readyz");
                assertThat(c.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
                assertThat(c.getResources().getLimits()).as(name).containsKeys("cpu", "memory");
                assertThat(c.getArgs().get(0)).as(name).isEqualTo(d.getMetadata().getName().replace("image-census-", ""));
                assertThat(c.getEnvFrom()).as(name).anyMatch(e -> e.getConfigMapRef().getName().equals("image-census"));
                assertThat(c.getEnv()).as(name).anyMatch(e -> e.getValueFrom() != null
                        && e.getValueFrom().getSecretKeyRef() != null
                        && e.getValueFrom().getSecretKeyRef().getName().equals("image-census-kafka"));
            }
        }
    }

    @Test
    void shouldRunOneWatcherWhenDeployed() throws Exception {
        V1Deployment watcher = deployment("image-census-watcher");

        assertThat(watcher.getSpec().getReplicas()).isEqualTo(1);
        assertThat(watcher.getSpec().getStrategy().getType()).isEqualTo("Recreate");
        assertThat(watcher.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("image-census-watcher");
    }

    @Test
    void shouldAdvertiseThePodIpWhenAggregatorsShareTheApplication() throws Exception {
        V1Container aggregator = deployment("image-census-aggregator").getSpec().getTemplate().getSpec()
                .getContainers().get(0);
        List<V1EnvVar> env = aggregator.getEnv();
        int podIp = indexOf(env, "POD_IP");

        assertThat(env.get(podIp).getValueFrom().getFieldRef().getFieldPath()).isEqualTo("status.podIP");
        assertThat(indexOf(env, "IMAGE_CENSUS_APPLICATION_SERVER")).isGreaterThan(podIp);
        assertThat(env.get(indexOf(env, "IMAGE_CENSUS_APPLICATION_SERVER")).getValue()).isEqualTo("$(POD_IP):8080");
        V1Service peers = Manifests.ofType(Manifests.decode(Kustomize.build(BASE)), V1Service.class).stream()
                .filter(s -> s.getMetadata().getName().equals("image-census-aggregator-peers")).findFirst().orElseThrow();
        assertThat(peers.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(peers.getSpec().getSelector()).containsEntry("app.kubernetes.io/name", "image-census-aggregator");
    }

    @Test
    void shouldCreateNoSecretWhenRendered() throws Exception {
        assertThat(Kustomize.build(OVERLAY)).doesNotContain("kind: Secret");
    }

    private static int indexOf(List<V1EnvVar> env, String name) {
        for (int i = 0; i < env.size(); i++) {
            if (env.get(i).getName().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no env " + name);
    }

    private static V1Deployment deployment(String name) throws Exception {
        return deployments(BASE).stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    private static List<V1Deployment> deployments(Path dir) throws Exception {
        return Manifests.ofType(Manifests.decode(Kustomize.build(dir)), V1Deployment.class);
    }

    private static List<V1Container> containers(V1PodSpec pod) {
        List<V1Container> all = new ArrayList<>(pod.getContainers());
        if (pod.getInitContainers() != null) {
            all.addAll(pod.getInitContainers());
        }
        return all;
    }
}
