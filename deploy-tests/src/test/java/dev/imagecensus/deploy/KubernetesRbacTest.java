package dev.imagecensus.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1ClusterRoleBinding;
import io.kubernetes.client.openapi.models.V1PolicyRule;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Least privilege: the base reads pods, replicasets, jobs and namespaces only; the overlay adds get on secrets. */
class KubernetesRbacTest {

    /** One granted permission: group, resource, verb. */
    record Grant(String group, String resource, String verb) implements Comparable<Grant> {
        @Override
        public int compareTo(Grant o) {
            return toString().compareTo(o.toString());
        }
    }

    @Test
    void shouldGrantExactlyReadOnPodsReplicaSetsJobsAndNamespacesWhenTheBaseIsApplied() throws Exception {
        List<Object> base = Manifests.decode(Kustomize.build(KubernetesManifestsTest.BASE));

        Set<Grant> grants = grants(Manifests.ofType(base, V1ClusterRole.class));

        Set<Grant> expected = new TreeSet<>();
        for (String verb : List.of("get", "list", "watch")) {
            expected.addAll(List.of(new Grant("", "pods", verb), new Grant("apps", "replicasets", verb),
                    new Grant("batch", "jobs", verb), new Grant("", "namespaces", verb)));
        }
        assertThat(grants).containsExactlyElementsOf(expected);
        assertThat(Kustomize.build(KubernetesManifestsTest.BASE)).doesNotContain("secrets", "kind: Role\n");
    }

    @Test
    void shouldAddOnlyGetOnSecretsForTheEnricherWhenTheOverlayIsApplied() throws Exception {
        List<Object> base = Manifests.decode(Kustomize.build(KubernetesManifestsTest.BASE));
        List<Object> overlay = Manifests.decode(Kustomize.build(KubernetesManifestsTest.OVERLAY));

        Set<Grant> added = grants(Manifests.ofType(overlay, V1ClusterRole.class));
        added.removeAll(grants(Manifests.ofType(base, V1ClusterRole.class)));

        assertThat(added).containsExactly(new Grant("", "secrets", "get"));
        V1ClusterRoleBinding binding = Manifests.ofType(overlay, V1ClusterRoleBinding.class).stream()
                .filter(b -> b.getRoleRef().getName().equals("image-census-pull-secrets")).findFirst().orElseThrow();
        assertThat(binding.getSubjects()).singleElement()
                .satisfies(s -> assertThat(s.getName()).isEqualTo("image-census-enricher"));
    }

    @Test
    void shouldUseNoWildcardsAndNoResourceNamesWhenAnyRuleIsWritten() throws Exception {
        for (var dir : List.of(KubernetesManifestsTest.BASE, KubernetesManifestsTest.OVERLAY)) {
            for (V1ClusterRole role : Manifests.ofType(Manifests.decode(Kustomize.build(dir)), V1ClusterRole.class)) {
                assertThat(role.getAggregationRule()).isNull();
                for (V1PolicyRule rule : role.getRules()) {
                    List<String> all = new ArrayList<>(rule.getApiGroups());
                    all.addAll(rule.getResources());
                    all.addAll(rule.getVerbs());
                    assertThat(all).as(role.getMetadata().getName()).noneMatch(s -> s.contains("*"));
                    assertThat(rule.getNonResourceURLs()).isNullOrEmpty();
                }
            }
        }
    }

    @Test
    void shouldBindTheReadRoleOnlyToTheWatcherWhenTheBaseIsApplied() throws Exception {
        List<Object> base = Manifests.decode(Kustomize.build(KubernetesManifestsTest.BASE));

        assertThat(Manifests.ofType(base, V1ClusterRoleBinding.class)).singleElement().satisfies(b -> {
            assertThat(b.getRoleRef().getName()).isEqualTo("image-census-watcher");
            assertThat(b.getSubjects()).extracting(s -> s.getName()).containsExactly("image-census-watcher");
        });
        assertThat(Manifests.ofType(base, V1ServiceAccount.class)).filteredOn(a -> !a.getMetadata().getName()
                .equals("image-census-watcher")).allSatisfy(a -> assertThat(a.getAutomountServiceAccountToken()).isFalse());
    }

    private static Set<Grant> grants(List<V1ClusterRole> roles) {
        Set<Grant> grants = new TreeSet<>();
        for (V1ClusterRole role : roles) {
            for (V1PolicyRule rule : role.getRules()) {
                for (String group : rule.getApiGroups()) {
                    for (String resource : rule.getResources()) {
                        rule.getVerbs().forEach(v -> grants.add(new Grant(group, resource, v)));
                    }
                }
            }
        }
        return grants;
    }
}
