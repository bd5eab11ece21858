package dev.imagecensus.fakeapi;

import static dev.imagecensus.fakeapi.TestObjects.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1JobList;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NamespaceList;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1ReplicaSetList;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** ReplicaSet, Job and Namespace informers built on the client's GenericKubernetesApi. */
class OtherKindsInformerIT {

  private static final Duration WAIT = Duration.ofSeconds(15);

  @Test
  void shouldSyncAndFollowReplicaSetsJobsAndNamespacesWhenInformersUseGenericApi() throws Exception {
    try (FakeApiServer server = FakeApiServer.builder().start()) {
      FakeCluster cluster = server.cluster();
      cluster.create(ResourceKind.REPLICA_SET, TestObjects.replicaSet("shop", "web-7d67dc9ff9", "web"));
      cluster.create(ResourceKind.JOB, TestObjects.job("shop", "backup-1", "backup"));
      cluster.create(ResourceKind.NAMESPACE, TestObjects.namespace("shop", "team", "a"));
      ApiClient client = new ClientBuilder().setBasePath(server.url()).build();
      SharedInformerFactory factory = new SharedInformerFactory(client);
      SharedIndexInformer<V1ReplicaSet> replicaSets = factory.sharedIndexInformerFor(new GenericKubernetesApi<>(
          V1ReplicaSet.class, V1ReplicaSetList.class, "apps", "v1", "replicasets", client), V1ReplicaSet.class, 0);
      SharedIndexInformer<V1Job> jobs = factory.sharedIndexInformerFor(new GenericKubernetesApi<>(
          V1Job.class, V1JobList.class, "batch", "v1", "jobs", client), V1Job.class, 0);
      SharedIndexInformer<V1Namespace> namespaces = factory.sharedIndexInformerFor(new GenericKubernetesApi<>(
          V1Namespace.class, V1NamespaceList.class, "", "v1", "namespaces", client), V1Namespace.class, 0);
      try {
        factory.startAllRegisteredInformers();
        await("sync", WAIT, () -> replicaSets.hasSynced() && jobs.hasSynced() && namespaces.hasSynced());
        await("watches", WAIT, () -> server.openWatches(null) == 3);

        cluster.create(ResourceKind.JOB, TestObjects.job("shop", "backup-2", "backup"));
        cluster.delete(ResourceKind.REPLICA_SET, "shop", "web-7d67dc9ff9");
        cluster.update(ResourceKind.NAMESPACE, TestObjects.namespace("shop", "team", "b"));

        await("job added", WAIT, () -> jobs.getIndexer().getByKey("shop/backup-2") != null);
        await("replica set deleted", WAIT, () -> replicaSets.getIndexer().list().isEmpty());
        await("namespace relabelled", WAIT, () -> "b".equals(
            namespaces.getIndexer().getByKey("shop").getMetadata().getLabels().get("team")));
        assertThat(jobs.getIndexer().getByKey("shop/backup-1").getMetadata().getOwnerReferences().get(0).getKind())
            .isEqualTo("CronJob");
        assertThat(server.requests()).extracting(RecordedRequest::path).contains(
            "/apis/apps/v1/replicasets", "/apis/batch/v1/jobs", "/api/v1/namespaces");
      } finally {
        factory.stopAllRegisteredInformers(true);
      }
    }
  }
}
