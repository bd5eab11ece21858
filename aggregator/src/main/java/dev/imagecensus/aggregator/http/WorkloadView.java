package dev.imagecensus.aggregator.http;

import dev.imagecensus.aggregator.domain.ImageFacets;
import dev.imagecensus.aggregator.domain.WorkloadImage;
import dev.imagecensus.aggregator.domain.WorkloadState;
import java.util.List;

/**
 * One top-level workload as {@code /api/workloads} shows it: its pods' FIPS roll-up and the images it runs.
 *
 * @param fips     ENABLED (every pod), PARTIAL (some pods), UNKNOWN (none, some undecided), DISABLED
 * @param fipsNote the host-kernel caveat: FIPS-enabled images run in FIPS mode only on a FIPS-enabled host
 */
public record WorkloadView(String cluster, String namespace, String kind, String name, int pods, String fips,
                           int fipsEnabledPods, int fipsUnknownPods, List<Image> images, String fipsNote) {

    /**
     * One (container name, image) of the workload.
     *
     * @param existence the image's existence state, null while unclassified
     * @param pods      pods of the workload running it
     */
    public record Image(String container, String image, String familiar, String existence, String fips, int pods) {
    }

    /** The view of {@code state}, a value of {@code workload-state}. */
    public static WorkloadView of(WorkloadState state) {
        List<Image> images = state.images().values().stream().map(WorkloadView::image).toList();
        return new WorkloadView(state.cluster(), state.namespace(), state.ownerKind(), state.ownerName(), state.pods(),
                state.fips().name(), state.fipsEnabledPods(), state.fipsUnknownPods(), images,
                ImageFacets.FIPS_RUNTIME_NOTE);
    }

    private static Image image(WorkloadImage i) {
        return new Image(i.container(), i.image(), ImageFacets.familiar(i.image()), i.existence(),
                i.existence() == null ? ImageFacets.UNCLASSIFIED : i.fips().name(), i.pods());
    }

    /** The table key: {@code cluster/namespace/kind/name}. */
    public String key() {
        return cluster + "/" + namespace + "/" + kind + "/" + name;
    }
}
