package dev.imagecensus.aggregator.http;

import java.util.List;

/** The list answers of the API, with the FIPS caveat stated once at the top. */
final class Lists {

    private Lists() {
    }

    /** {@code /api/images}. */
    record Images(int count, List<ImageView> images, String fipsNote) {
    }

    /** {@code /api/workloads}. */
    record Workloads(int count, List<WorkloadView> workloads, String fipsNote) {
    }
}
