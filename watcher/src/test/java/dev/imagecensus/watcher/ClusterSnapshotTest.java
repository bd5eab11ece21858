package dev.imagecensus.watcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagecensus.watcher.inventory.ContainerRecord;
import dev.imagecensus.watcher.inventory.NamespaceFilter;
import dev.imagecensus.watcher.inventory.PodEvaluator;
import dev.imagecensus.watcher.kube.KubeApiException;
import dev.imagecensus.watcher.kube.KubeTransport;
import dev.imagecensus.watcher.kube.ListPage;
import dev.imagecensus.watcher.kube.PagedList;
import dev.imagecensus.watcher.model.ContainerKind;
import dev.imagecensus.watcher.model.ContainerSpec;
import dev.imagecensus.watcher.model.OwnerRef;
import dev.imagecensus.watcher.model.PodView;
import dev.imagecensus.watcher.model.ResourceType;
import dev.imagecensus.watcher.model.WorkloadView;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One-shot listing: paged lists, owners resolved through ReplicaSets and Jobs, the watcher's pod rules. */
class ClusterSnapshotTest {

    private static final PodEvaluator ALL = new PodEvaluator(NamespaceFilter.all(), false);

    @Test
    void shouldResolveTopLevelWorkloadsWhenPodsAreOwnedByReplicaSetsAndJobs() throws IOException {
        Scripted<WorkloadView> replicaSets = new Scripted<WorkloadView>()
                .page(List.of(workload(ResourceType.REPLICA_SET, "web-7d6", new OwnerRef("Deployment", "web"))), null);
        Scripted<WorkloadView> jobs = new Scripted<WorkloadView>()
                .page(List.of(workload(ResourceType.JOB, "report-1", new OwnerRef("CronJob", "report"))), null);
        Scripted<PodView> pods = new Scripted<PodView>()
                .page(List.of(pod("apps", "web-7d6-a", "Running", new OwnerRef("ReplicaSet", "web-7d6"), "nginx:1.27")), "t1")
                .page(List.of(pod("apps", "report-1-x", "Pending", new OwnerRef("Job", "report-1"), "busybox"),
                        pod("apps", "bare", "Running", null, "redis:7")), null);

        List<ContainerRecord> records = ClusterSnapshot.list(replicaSets, jobs, pods, ALL, 1);

        assertThat(records).extracting(r -> r.pod().name() + " " + r.pod().owner().kind() + "/" + r.pod().owner().name())
                .containsExactly("web-7d6-a Deployment/web", "report-1-x CronJob/report", "bare Pod/bare");
        assertThat(pods.calls).containsExactly("list null", "list t1");
    }

    @Test
    void shouldSkipExcludedNamespacesAndFinishedPodsWhenListing() throws IOException {
        Scripted<PodView> pods = new Scripted<PodView>().page(List.of(
                pod("kube-system", "dns", "Running", null, "coredns:1"),
                pod("apps", "done", "Succeeded", null, "busybox"),
                pod("apps", "pending", "Pending", null, "nginx")), null);
        PodEvaluator evaluator = new PodEvaluator(NamespaceFilter.of(List.of(), List.of("kube-.*")), false);

        List<ContainerRecord> records = ClusterSnapshot.list(empty(), empty(), pods, evaluator, 10);

        assertThat(records).extracting(r -> r.pod().name()).containsExactly("pending");
        assertThat(ClusterSnapshot.list(empty(), empty(), new Scripted<PodView>().page(List.of(
                pod("apps", "pending", "Pending", null, "nginx")), null), new PodEvaluator(NamespaceFilter.all(), true), 10))
                .isEmpty();
    }

    @Test
    void shouldStartAgainWhenTheContinueTokenExpires() throws IOException {
        Scripted<String> list = new Scripted<String>().page(List.of("a"), "t1").fail(new KubeApiException(410, "expired"))
                .page(List.of("a"), "t2").page(List.of("b"), null);

        assertThat(PagedList.all(list, 1)).containsExactly("a", "b");
        assertThat(list.calls).containsExactly("list null", "list t1", "list null", "list t2");
    }

    @Test
    void shouldFailWhenTheFirstPageIsRefused() {
        Scripted<String> list = new Scripted<String>().fail(new KubeApiException(403, "forbidden"));

        assertThatThrownBy(() -> PagedList.all(list, 1)).isInstanceOf(KubeApiException.class).hasMessageContaining("403");
    }

    private static Scripted<WorkloadView> empty() {
        return new Scripted<WorkloadView>().page(List.of(), null);
    }

    private static WorkloadView workload(ResourceType type, String name, OwnerRef controller) {
        return new WorkloadView(type, "apps", name, "1", controller);
    }

    private static PodView pod(String namespace, String name, String phase, OwnerRef controller, String image) {
        return new PodView("uid-" + name, namespace, name, "1", phase, "node-1", controller,
                List.of(new ContainerSpec("main", image, ContainerKind.APP, null)));
    }

    /** A transport answering scripted pages and failures in order; watching is not part of a snapshot. */
    private static final class Scripted<T> implements KubeTransport<T> {
        private final Deque<Object> answers = new ArrayDeque<>();
        final List<String> calls = new ArrayList<>();

        Scripted<T> page(List<T> items, String continueToken) {
            answers.add(new ListPage<>(items, "10", continueToken));
            return this;
        }

        Scripted<T> fail(IOException e) {
            answers.add(e);
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public ListPage<T> list(int limit, String continueToken) throws IOException {
            calls.add("list " + continueToken);
            Object answer = answers.removeFirst();
            if (answer instanceof IOException e) {
                throw e;
            }
            return (ListPage<T>) answer;
        }

        @Override
        public Stream<T> watch(String resourceVersion, int timeoutSeconds) {
            throw new UnsupportedOperationException("a snapshot never watches");
        }
    }
}
