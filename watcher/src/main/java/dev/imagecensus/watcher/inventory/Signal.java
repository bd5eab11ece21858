package dev.imagecensus.watcher.inventory;

import dev.imagecensus.watcher.model.PodView;
import dev.imagecensus.watcher.model.ResourceType;
import dev.imagecensus.watcher.model.WorkloadView;

/**
 * What the list/watch adapters hand to the event loop. A full list is framed by {@link ListStarted} and
 * {@link ListCompleted}, with every listed object as an upsert in between, so the controller can tell what vanished.
 */
public sealed interface Signal {

    /** The resource type the signal is about. */
    ResourceType type();

    /** A (re)list of {@code type} begins; objects not upserted before {@link ListCompleted} are gone. */
    record ListStarted(ResourceType type) implements Signal {
    }

    /** A (re)list of {@code type} is complete at {@code resourceVersion}. */
    record ListCompleted(ResourceType type, String resourceVersion) implements Signal {
    }

    /** A pod listed, added or modified. */
    record PodUpserted(PodView pod) implements Signal {
        @Override
        public ResourceType type() {
            return ResourceType.POD;
        }
    }

    /** A pod deleted, in its last state. */
    record PodDeleted(PodView pod) implements Signal {
        @Override
        public ResourceType type() {
            return ResourceType.POD;
        }
    }

    /** A ReplicaSet or Job listed, added or modified. */
    record WorkloadUpserted(WorkloadView workload) implements Signal {
        @Override
        public ResourceType type() {
            return workload.type();
        }
    }

    /** A ReplicaSet or Job deleted. */
    record WorkloadDeleted(WorkloadView workload) implements Signal {
        @Override
        public ResourceType type() {
            return workload.type();
        }
    }
}
