package dev.imagecensus.watcher.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.watcher.model.OwnerRef;
import dev.imagecensus.watcher.model.ResourceType;
import dev.imagecensus.watcher.model.WorkloadView;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OwnerIndexTest {

    @ParameterizedTest(name = "{0}/{1} → {2}/{3}")
    @CsvSource(nullValues = "-", value = {
            // pod's controller kind, name → top-level kind, name, complete
            "ReplicaSet, web-5d4f,      Deployment,  web,         true",
            "ReplicaSet, orphan-rs,     ReplicaSet,  orphan-rs,   true",
            "ReplicaSet, rollout-rs,    Rollout,     canary,      true",
            "ReplicaSet, unknown-rs,    ReplicaSet,  unknown-rs,  false",
            "Job,        backup-28911,  CronJob,     backup,      true",
            "Job,        migrate,       Job,         migrate,     true",
            "Job,        unknown-job,   Job,         unknown-job, false",
            "StatefulSet, db,           StatefulSet, db,          true",
            "DaemonSet,  fluentd,       DaemonSet,   fluentd,     true",
            "Node,       node-1,        Node,        node-1,      true",
            "-,          -,             Pod,         bare-pod,    true"})
    void shouldResolveTheTopLevelWorkloadWhenClimbingOwners(String kind, String name, String topKind, String topName,
                                                            boolean complete) {
        OwnerIndex index = new OwnerIndex();
        index.put(new WorkloadView(ResourceType.REPLICA_SET, "ns", "web-5d4f", "1", new OwnerRef("Deployment", "web")));
        index.put(new WorkloadView(ResourceType.REPLICA_SET, "ns", "orphan-rs", "1", null));
        index.put(new WorkloadView(ResourceType.REPLICA_SET, "ns", "rollout-rs", "1", new OwnerRef("Rollout", "canary")));
        index.put(new WorkloadView(ResourceType.JOB, "ns", "backup-28911", "1", new OwnerRef("CronJob", "backup")));
        index.put(new WorkloadView(ResourceType.JOB, "ns", "migrate", "1", null));
        index.put(new WorkloadView(ResourceType.REPLICA_SET, "other", "unknown-rs", "1", new OwnerRef("Deployment", "x")));

        OwnerIndex.Resolution resolution = index.resolve("ns", "bare-pod", kind == null ? null : new OwnerRef(kind, name));

        assertThat(resolution.owner()).isEqualTo(new OwnerRef(topKind, topName));
        assertThat(resolution.complete()).isEqualTo(complete);
    }
}
