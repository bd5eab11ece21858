package dev.imagecensus.watcher.inventory;

import dev.imagecensus.watcher.model.ContainerKind;
import dev.imagecensus.watcher.model.ContainerSpec;
import dev.imagecensus.watcher.model.OwnerRef;
import dev.imagecensus.watcher.model.PodView;
import dev.imagecensus.watcher.model.ResourceType;
import dev.imagecensus.watcher.model.WorkloadView;
import java.util.List;

/** Builders for pod and workload projections in tests. */
final class Pods {

    private Pods() {
    }

    static PodView pod(String uid, String name, String phase, OwnerRef owner, ContainerSpec... containers) {
        return new PodView(uid, "default", name, "1", phase, "node-1", owner, List.of(containers));
    }

    static PodView running(String uid, String name, ContainerSpec... containers) {
        return pod(uid, name, "Running", null, containers);
    }

    static ContainerSpec app(String name, String image) {
        return new ContainerSpec(name, image, ContainerKind.APP, null);
    }

    static ContainerSpec app(String name, String image, String imageId) {
        return new ContainerSpec(name, image, ContainerKind.APP, imageId);
    }

    static PodView withPhase(PodView pod, String phase) {
        return new PodView(pod.uid(), pod.namespace(), pod.name(), pod.resourceVersion() + "1", phase, pod.nodeName(),
                pod.controller(), pod.containers());
    }

    static WorkloadView replicaSet(String name, String deployment) {
        return new WorkloadView(ResourceType.REPLICA_SET, "default", name, "1",
                deployment == null ? null : new OwnerRef("Deployment", deployment));
    }

    static WorkloadView job(String name, String cronJob) {
        return new WorkloadView(ResourceType.JOB, "default", name, "1",
                cronJob == null ? null : new OwnerRef("CronJob", cronJob));
    }

    static PodFacts facts(String uid, String name, String phase, OwnerRef owner) {
        return new PodFacts(uid, "default", name, phase, "node-1", "1", owner);
    }

    static ContainerRecord record(PodFacts pod, String container, String image, String imageId) {
        return new ContainerRecord(pod, container, ContainerKind.APP, image, imageId);
    }
}
