package dev.imagecensus.aggregator.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The filters of {@code /api/workloads}, comma-separated lists like {@link ImageFilter}'s: {@code namespace},
 * {@code kind} (Deployment, StatefulSet, ...), {@code fips} (ENABLED, PARTIAL, UNKNOWN, DISABLED).
 */
public record WorkloadFilter(Set<String> namespaces, Set<String> kinds, Set<String> fips) implements Predicate<WorkloadView> {

    public WorkloadFilter {
        namespaces = Set.copyOf(namespaces);
        kinds = ImageFilter.lower(kinds);
        fips = ImageFilter.lower(fips);
    }

    public static WorkloadFilter of(Map<String, String> query) {
        return new WorkloadFilter(ImageFilter.values(query.get("namespace")), ImageFilter.values(query.get("kind")),
                ImageFilter.values(query.get("fips")));
    }

    @Override
    public boolean test(WorkloadView workload) {
        return (namespaces.isEmpty() || namespaces.contains(workload.namespace()))
                && ImageFilter.matches(kinds, workload.kind())
                && ImageFilter.matches(fips, workload.fips());
    }

    public Map<String, String> toQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        ImageFilter.put(query, "namespace", namespaces);
        ImageFilter.put(query, "kind", kinds);
        ImageFilter.put(query, "fips", fips);
        return query;
    }
}
