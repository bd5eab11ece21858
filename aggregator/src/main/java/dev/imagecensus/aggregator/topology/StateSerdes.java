package dev.imagecensus.aggregator.topology;

import dev.imagecensus.aggregator.domain.Classification;
import dev.imagecensus.aggregator.domain.ImageStatus;
import dev.imagecensus.aggregator.domain.ImageState;
import dev.imagecensus.aggregator.domain.ImageUsage;
import dev.imagecensus.aggregator.domain.LiveContainer;
import dev.imagecensus.aggregator.domain.PodState;
import dev.imagecensus.aggregator.domain.WorkloadState;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** The serdes of the aggregator's internal state; stateless, so shared. */
final class StateSerdes {

    static final Serde<String> KEY = Serdes.String();
    static final Serde<LiveContainer> CONTAINER = JsonSerde.of(LiveContainer.class);
    static final Serde<Classification> CLASSIFICATION = JsonSerde.of(Classification.class);
    static final Serde<ImageUsage> USAGE = JsonSerde.of(ImageUsage.class);
    static final Serde<ImageState> IMAGE_STATE = JsonSerde.of(ImageState.class);
    static final Serde<ImageStatus> IMAGE_STATUS = JsonSerde.of(ImageStatus.class);
    static final Serde<PodState> POD = JsonSerde.of(PodState.class);
    static final Serde<WorkloadState> WORKLOAD = JsonSerde.of(WorkloadState.class);
    static final Serde<ContainerChange> CHANGE = JsonSerde.of(ContainerChange.class);
    static final Serde<RollupInput> ROLLUP_INPUT = JsonSerde.of(RollupInput.class);
    static final Serde<AuditMark> AUDIT_MARK = JsonSerde.of(AuditMark.class);
    static final Serde<Integer> COUNT = Serdes.Integer();

    private StateSerdes() {
    }
}
