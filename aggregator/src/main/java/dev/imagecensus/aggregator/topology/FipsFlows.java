package dev.imagecensus.aggregator.topology;

import dev.imagecensus.aggregator.domain.Classification;
import dev.imagecensus.aggregator.domain.ClassifiedContainer;
import dev.imagecensus.aggregator.domain.LiveContainer;
import dev.imagecensus.aggregator.domain.PodState;
import dev.imagecensus.aggregator.domain.WorkloadState;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.TableJoined;

/** Per-container classification (foreign-key join) folded per pod and per workload. */
final class FipsFlows {

    private FipsFlows() {
    }

    /**
     * Each live container joined with the classification of its image. Left join: unclassified images and
     * invalid references (null foreign key) keep their container, marked unclassified.
     */
    static KTable<String, ClassifiedContainer> classified(KTable<String, LiveContainer> containers,
                                                          KTable<String, Classification> classifications) {
        Function<LiveContainer, String> imageRef = LiveContainer::imageRef;
        return containers.leftJoin(classifications, imageRef, ClassifiedContainer::join,
                TableJoined.as(Names.CONTAINER_CLASSIFICATION_JOIN),
                Tables.store(Names.CLASSIFIED_CONTAINERS, StateSerdes.CLASSIFIED));
    }

    /** Containers folded per pod; a pod without containers is removed. */
    static KTable<String, PodState> pods(KTable<String, ClassifiedContainer> classified) {
        return classified
                .groupBy((key, value) -> KeyValue.pair(value.container().podKey(), value),
                        Grouped.with(Names.CONTAINERS_BY_POD, StateSerdes.KEY, StateSerdes.CLASSIFIED))
                .aggregate(() -> PodState.NONE,
                        (pod, value, state) -> state.plus(value),
                        (pod, value, state) -> emptyToNull(state.minus(value)),
                        Named.as("pod-state-aggregate"),
                        Tables.store(Names.POD_STATE, StateSerdes.POD));
    }

    /** Pods folded per workload (namespace + owner kind + owner name); a workload without pods is removed. */
    static KTable<String, WorkloadState> workloads(KTable<String, PodState> pods) {
        return pods
                .groupBy((key, pod) -> KeyValue.pair(pod.workloadKey(), pod),
                        Grouped.with(Names.PODS_BY_WORKLOAD, StateSerdes.KEY, StateSerdes.POD))
                .aggregate(() -> WorkloadState.NONE,
                        (workload, pod, state) -> state.plus(pod),
                        (workload, pod, state) -> emptyToNull(state.minus(pod)),
                        Named.as("workload-state-aggregate"),
                        Tables.store(Names.WORKLOAD_STATE, StateSerdes.WORKLOAD));
    }

    /** A null aggregate deletes the key; the next container of that pod starts from the initializer. */
    private static PodState emptyToNull(PodState state) {
        return state.hasContainers() ? state : null;
    }

    private static WorkloadState emptyToNull(WorkloadState state) {
        return state.hasPods() ? state : null;
    }
}
