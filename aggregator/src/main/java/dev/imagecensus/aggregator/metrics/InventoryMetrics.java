package dev.imagecensus.aggregator.metrics;

import dev.imagecensus.aggregator.InventoryListener;
import dev.imagecensus.aggregator.domain.Classification;
import dev.imagecensus.aggregator.domain.ImageFacets;
import dev.imagecensus.aggregator.domain.ImageState;
import dev.imagecensus.aggregator.domain.PodState;
import dev.imagecensus.aggregator.domain.WorkloadImage;
import dev.imagecensus.aggregator.domain.WorkloadState;
import dev.imagecensus.aggregator.metrics.SeriesFamily.Contribution;
import dev.imagecensus.aggregator.metrics.SeriesFamily.Merge;
import dev.imagecensus.aggregator.metrics.SeriesFamily.Type;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inventory's metrics, defined in one place and precomputed from table changes: every {@link InventoryListener}
 * call moves the contributions of the changed image, pod or workload, and a scrape ({@link #writeTo}) only writes
 * the resulting values, appended to the Micrometer registry's scrape (JVM and Kafka Streams meters).
 *
 * <p>Series describe what this instance's tasks own; with several instances, sum across instances
 * ({@code sum without (instance)}) for the totals. See the README for each family's rule.
 */
public final class InventoryMetrics implements InventoryListener {

    // The seeds' names, unchanged (container_image_count is untyped: promtool rejects a gauge named *_count).
    private final SeriesFamily containerImageCount = new SeriesFamily("container_image_count",
            "Number of containers running a specific image (Docker short form; invalid references as written)",
            Type.UNTYPED, Merge.SUM, "image");
    private final SeriesFamily workloadFipsEnabled = new SeriesFamily("workload_fips_enabled",
            "1 if a container of the pod runs a FIPS ENFORCED or CAPABLE image, else 0", Type.GAUGE, Merge.ANY,
            "namespace", "pod");
    /** The existence exporter's families by owner kind: it reports these four kinds only. */
    private final Map<String, SeriesFamily> imageExists;

    private final SeriesFamily imageContainers = new SeriesFamily("imagecensus_image_containers",
            "Live containers per image (canonical reference)", Type.GAUGE, Merge.SUM, "image");
    private final SeriesFamily imageInfo = new SeriesFamily("imagecensus_image_info",
            "One series per image in use describing it; value 1", Type.GAUGE, Merge.ANY,
            "image", "digest", "os", "arch", "distro", "distro_version", "fips");
    private final SeriesFamily distroContainers = new SeriesFamily("imagecensus_distro_containers",
            "Live containers per base distro and version", Type.GAUGE, Merge.SUM, "distro", "distro_version");
    private final SeriesFamily fipsContainers = new SeriesFamily("imagecensus_fips_containers",
            "Live containers per image FIPS status", Type.GAUGE, Merge.SUM, "fips");
    private final SeriesFamily fipsWorkloads = new SeriesFamily("imagecensus_fips_workloads",
            "Workloads per FIPS roll-up (ENABLED, PARTIAL, UNKNOWN, DISABLED)", Type.GAUGE, Merge.SUM, "fips");
    private final SeriesFamily availabilityImages = new SeriesFamily("imagecensus_availability_images",
            "Images in use per registry existence state", Type.GAUGE, Merge.SUM, "availability");
    private final SeriesFamily unclassifiedImages = new SeriesFamily("imagecensus_unclassified_images",
            "Images in use the enricher has not classified yet", Type.GAUGE, Merge.SUM);
    private final SeriesFamily invalidContainers = new SeriesFamily("imagecensus_invalid_reference_containers",
            "Live containers whose image reference is invalid", Type.GAUGE, Merge.SUM);
    private static final String LAG = "imagecensus_enrichment_lag_seconds";
    private static final byte[] LAG_HEADER = ("# HELP imagecensus_enrichment_lag_seconds Seconds since the oldest image"
            + " in use that is still unclassified came into use; 0 when none is\n"
            + "# TYPE imagecensus_enrichment_lag_seconds gauge\nimagecensus_enrichment_lag_seconds ")
            .getBytes(StandardCharsets.UTF_8);
    private final EnrichmentLag lag;
    private final List<SeriesFamily> families = new ArrayList<>();

    public InventoryMetrics(Clock clock) {
        lag = new EnrichmentLag(clock);
        imageExists = Map.of(
                "Deployment", existenceFamily("deployment"),
                "StatefulSet", existenceFamily("statefulset"),
                "DaemonSet", existenceFamily("daemonset"),
                "CronJob", existenceFamily("cronjob"));
        families.addAll(List.of(containerImageCount, workloadFipsEnabled, imageContainers, imageInfo, distroContainers,
                fipsContainers, fipsWorkloads, availabilityImages, unclassifiedImages, invalidContainers));
        families.addAll(imageExists.values());
    }

    private static SeriesFamily existenceFamily(String kind) {
        return new SeriesFamily("k8s_image_existence_exporter_" + kind + "_image_exists",
                "1 if the image of the " + kind + "'s container is AVAILABLE in its registry, else 0"
                        + " (no series until the image is checked)",
                Type.GAUGE, Merge.ANY, "namespace", "owner_name", "container", "image");
    }

    @Override
    public void onImageState(String image, ImageState old, ImageState now) {
        int before = old == null ? 0 : old.usage().containers();
        int after = now == null ? 0 : now.usage().containers();
        String familiar = ImageFacets.familiar(image);
        containerImageCount.update(old == null ? null : containerImageCount.at(before, familiar),
                now == null ? null : containerImageCount.at(after, familiar));
        imageContainers.update(old == null ? null : imageContainers.at(before, image),
                now == null ? null : imageContainers.at(after, image));
        imageInfo.update(info(image, old), info(image, now));
        Classification was = old == null ? null : old.classification();
        Classification is = now == null ? null : now.classification();
        distroContainers.update(old == null ? null : distroContainers.at(before, ImageFacets.distro(was), ImageFacets.distroVersion(was)),
                now == null ? null : distroContainers.at(after, ImageFacets.distro(is), ImageFacets.distroVersion(is)));
        fipsContainers.update(old == null ? null : fipsContainers.at(before, ImageFacets.fips(was)),
                now == null ? null : fipsContainers.at(after, ImageFacets.fips(is)));
        availabilityImages.update(old == null ? null : availabilityImages.at(1, ImageFacets.availability(was)),
                now == null ? null : availabilityImages.at(1, ImageFacets.availability(is)));
        pending(image, old, now);
    }

    private void pending(String image, ImageState old, ImageState now) {
        boolean wasPending = old != null && !old.classified();
        boolean isPending = now != null && !now.classified();
        unclassifiedImages.update(wasPending ? unclassifiedImages.at(1) : null, isPending ? unclassifiedImages.at(1) : null);
        if (wasPending) {
            lag.remove(image, old.usage().firstSeen());
        }
        if (isPending) {
            lag.add(image, now.usage().firstSeen());
        }
    }

    private Contribution info(String image, ImageState state) {
        if (state == null) {
            return null;
        }
        Classification c = state.classification();
        return imageInfo.at(1, image, ImageFacets.digest(image, state), ImageFacets.os(c), ImageFacets.architecture(c),
                ImageFacets.distro(c), ImageFacets.distroVersion(c), ImageFacets.fips(c));
    }

    @Override
    public void onPodState(String pod, PodState old, PodState now) {
        workloadFipsEnabled.update(podFips(old), podFips(now));
    }

    private Contribution podFips(PodState pod) {
        return pod == null ? null : workloadFipsEnabled.at(pod.fipsEnabled() ? 1 : 0, pod.namespace(), pod.pod());
    }

    @Override
    public void onWorkloadState(String workload, WorkloadState old, WorkloadState now) {
        fipsWorkloads.update(old == null ? null : fipsWorkloads.at(1, old.fips().name()),
                now == null ? null : fipsWorkloads.at(1, now.fips().name()));
        // Images within a workload are few: retract all of the old, add all of the new.
        existence(now, true);
        existence(old, false);
    }

    private void existence(WorkloadState workload, boolean add) {
        SeriesFamily family = workload == null ? null : imageExists.get(workload.ownerKind());
        if (family == null) {
            return;
        }
        for (WorkloadImage image : workload.images().values()) {
            if (image.existence() == null) {
                continue; // not checked yet: no series, rather than a false "absent"
            }
            Contribution c = family.at("AVAILABLE".equals(image.existence()) ? 1 : 0, workload.namespace(),
                    workload.ownerName(), image.container(), ImageFacets.familiar(image.image()));
            family.update(add ? null : c, add ? c : null);
        }
    }

    @Override
    public void onInvalidReference(String image, Integer old, Integer now) {
        containerImageCount.update(old == null ? null : containerImageCount.at(old, image),
                now == null ? null : containerImageCount.at(now, image));
        invalidContainers.update(old == null ? null : invalidContainers.at(old), now == null ? null : invalidContainers.at(now));
    }

    /** Writes the families named in {@code names} (every family when empty) in the Prometheus text format (0.0.4). */
    void writeTo(ScrapeBuffer out, Set<String> names) {
        for (SeriesFamily f : families) {
            if (names.isEmpty() || names.contains(f.name())) {
                f.writeTo(out);
            }
        }
        if (names.isEmpty() || names.contains(LAG)) {
            out.write(LAG_HEADER);
            out.writeValue(lag.seconds());
            out.write('\n');
        }
    }

    /** The value of one series of {@code family} (its exposed name), null when absent; for tests and benchmarks. */
    public Double value(String family, String... labelValues) {
        if (family.equals(LAG)) {
            return lag.seconds();
        }
        return family(family).value(labelValues);
    }

    /** How many series {@code family} has now. */
    public int size(String family) {
        return family(family).size();
    }

    /** The sum of all series of {@code family}, e.g. every live container of {@code imagecensus_fips_containers}. */
    public double total(String family) {
        return family(family).total();
    }

    private SeriesFamily family(String name) {
        return families.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no family " + name));
    }
}
