package dev.imagecensus.app.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the pipeline shows, in one comparable shape: the compared metric series ({@code family{label="v",...}} with
 * labels sorted by name → value) and the rows of {@code /api/inventory} ({@code namespace tag repoDigest}). Built
 * from a scrape and the API ({@link PipelineProbe}) or from the cluster's objects ({@link GroundTruth}).
 */
record PipelineView(SortedMap<String, Double> series, SortedSet<String> inventory) {

    /** The families compared; counts are compared without their zero-valued series (a count that went away). */
    static final Set<String> COUNT_FAMILIES = Set.of("container_image_count", "imagecensus_image_containers",
            "imagecensus_distro_containers", "imagecensus_fips_containers", "imagecensus_availability_images",
            "imagecensus_invalid_reference_containers", "imagecensus_unclassified_images",
            "imagecensus_fips_workloads");
    static final Set<String> STATE_FAMILIES = Set.of("imagecensus_image_info", "workload_fips_enabled",
            "k8s_image_existence_exporter_deployment_image_exists",
            "k8s_image_existence_exporter_statefulset_image_exists",
            "k8s_image_existence_exporter_daemonset_image_exists",
            "k8s_image_existence_exporter_cronjob_image_exists");

    PipelineView {
        series = new TreeMap<>(series);
        inventory = new TreeSet<>(inventory);
    }

    static boolean compared(String family) {
        return COUNT_FAMILIES.contains(family) || STATE_FAMILIES.contains(family);
    }

    /** {@code family{a="1",b="2"}} with labels in name order. */
    static String key(String family, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return family;
        }
        StringBuilder key = new StringBuilder(family).append('{');
        new TreeMap<>(labels).forEach((k, v) -> key.append(k).append("=\"").append(v).append("\","));
        key.setLength(key.length() - 1);
        return key.append('}').toString();
    }

    /** Human-readable differences from {@code expected}, one per line; empty when equal. */
    List<String> diff(PipelineView expected) {
        List<String> lines = new ArrayList<>();
        Set<String> keys = new TreeSet<>(expected.series.keySet());
        keys.addAll(series.keySet());
        for (String key : keys) {
            Double want = expected.series.get(key);
            Double got = series.get(key);
            if (!Objects.equals(want, got)) {
                lines.add(want == null ? "  unexpected " + key + " " + got
                        : got == null ? "  missing    " + key + " " + want
                        : "  wrong      " + key + " = " + got + ", expected " + want);
            }
        }
        expected.inventory.stream().filter(row -> !inventory.contains(row))
                .forEach(row -> lines.add("  missing    inventory " + row));
        inventory.stream().filter(row -> !expected.inventory.contains(row))
                .forEach(row -> lines.add("  unexpected inventory " + row));
        return lines;
    }
}
