package dev.imagecensus.app.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One container line of the report.
 *
 * @param pod       null when only the workload is known (from an aggregator)
 * @param image     the image as named by the {@link TagPolicy}; the reference as written when it is invalid
 * @param reference the canonical reference; the reference as written when it is invalid
 * @param pods      pods of the workload running it (1 for a listed pod)
 * @param runningDigest the digest the runtime reported for a listed pod's container, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerRow(String namespace, String pod, String workloadKind, String workloadName, String container,
                           String image, String reference, String baseOs, String distro, String distroVersion,
                           String fips, String existence, int pods, String runningDigest, String note) {

    /** {@code Kind/name}, e.g. {@code Deployment/web}. */
    public String workload() {
        return workloadKind + "/" + workloadName;
    }
}
