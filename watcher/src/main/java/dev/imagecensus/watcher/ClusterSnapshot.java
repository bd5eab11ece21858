package dev.imagecensus.watcher;

import dev.imagecensus.watcher.inventory.ContainerRecord;
import dev.imagecensus.watcher.inventory.OwnerIndex;
import dev.imagecensus.watcher.inventory.PodEvaluator;
import dev.imagecensus.watcher.kube.ApiClientTransport;
import dev.imagecensus.watcher.kube.KubeClients;
import dev.imagecensus.watcher.kube.KubeTransport;
import dev.imagecensus.watcher.kube.PagedList;
import dev.imagecensus.watcher.kube.Projections;
import dev.imagecensus.watcher.model.OwnerRef;
import dev.imagecensus.watcher.model.PodView;
import dev.imagecensus.watcher.model.ResourceType;
import dev.imagecensus.watcher.model.WorkloadView;
import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster listed once, without watch or Kafka (KAI's adhoc mode, {@code image-census inventory --kubeconfig}):
 * ReplicaSets and Jobs first, then pods, each in pages; every counted container with its top-level workload,
 * decided by the same {@link PodEvaluator} (namespace selectors, running-only) and {@link OwnerIndex} as the watcher.
 */
public final class ClusterSnapshot {

    private static final Duration LIST_TIMEOUT = Duration.ofMinutes(2);

    private ClusterSnapshot() {
    }

    /**
     * Lists the cluster behind {@code access}.
     *
     * @throws IOException              when the API cannot be reached or answers an error
     * @throws IllegalArgumentException when the kubeconfig has no such context
     */
    public static List<ContainerRecord> list(KubeAccess access, PodEvaluator evaluator, int pageSize) throws IOException {
        ApiClient client = KubeClients.create(access);
        return list(transport(client, ResourceType.REPLICA_SET), transport(client, ResourceType.JOB),
                new ApiClientTransport<>(client, ResourceType.POD, Projections::pod, LIST_TIMEOUT), evaluator, pageSize);
    }

    /** The containers that count, in list order; a pod whose ReplicaSet or Job is unknown keeps that as owner. */
    public static List<ContainerRecord> list(KubeTransport<WorkloadView> replicaSets, KubeTransport<WorkloadView> jobs,
                                             KubeTransport<PodView> pods, PodEvaluator evaluator, int pageSize)
            throws IOException {
        OwnerIndex owners = new OwnerIndex();
        PagedList.all(replicaSets, pageSize).forEach(owners::put);
        PagedList.all(jobs, pageSize).forEach(owners::put);
        List<ContainerRecord> records = new ArrayList<>();
        for (PodView pod : PagedList.all(pods, pageSize)) {
            if (evaluator.counts(pod)) {
                OwnerRef owner = owners.resolve(pod.namespace(), pod.name(), pod.controller()).owner();
                records.addAll(evaluator.desired(pod, evaluator.facts(pod, owner)));
            }
        }
        return records;
    }

    private static KubeTransport<WorkloadView> transport(ApiClient client, ResourceType type) {
        return new ApiClientTransport<>(client, type, json -> Projections.workload(type, json), LIST_TIMEOUT);
    }
}
