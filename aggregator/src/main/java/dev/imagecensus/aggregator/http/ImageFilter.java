package dev.imagecensus.aggregator.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The filters of {@code /api/images}; each is a comma-separated list of accepted values (any when absent),
 * compared without regard to case: {@code namespace} (used in that namespace), {@code distro} (os-release id,
 * {@code scratch}, {@code unknown}, {@code unclassified}), {@code fips} (status), {@code availability} (existence
 * state or {@code UNCLASSIFIED}).
 */
public record ImageFilter(Set<String> namespaces, Set<String> distros, Set<String> fips, Set<String> availability)
        implements Predicate<ImageView> {

    /** Accepts every image. */
    public static final ImageFilter ALL = new ImageFilter(Set.of(), Set.of(), Set.of(), Set.of());

    public ImageFilter {
        namespaces = Set.copyOf(namespaces);
        distros = lower(distros);
        fips = lower(fips);
        availability = lower(availability);
    }

    /** From query parameters; unknown parameters are ignored. */
    public static ImageFilter of(Map<String, String> query) {
        return new ImageFilter(values(query.get("namespace")), values(query.get("distro")), values(query.get("fips")),
                values(query.get("availability")));
    }

    @Override
    public boolean test(ImageView image) {
        return (namespaces.isEmpty() || image.namespaces().keySet().stream().anyMatch(namespaces::contains))
                && matches(distros, image.distro())
                && matches(fips, image.fips())
                && matches(availability, image.availability());
    }

    /** The same filter as query parameters, for forwarding to another instance. */
    public Map<String, String> toQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        put(query, "namespace", namespaces);
        put(query, "distro", distros);
        put(query, "fips", fips);
        put(query, "availability", availability);
        return query;
    }

    static Set<String> values(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(parameter.split(",")).map(String::trim).filter(v -> !v.isEmpty()).collect(Collectors.toSet());
    }

    static boolean matches(Set<String> accepted, String value) {
        return accepted.isEmpty() || value != null && accepted.contains(value.toLowerCase(Locale.ROOT));
    }

    static Set<String> lower(Set<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    static void put(Map<String, String> query, String name, Set<String> values) {
        if (!values.isEmpty()) {
            query.put(name, values.stream().sorted().collect(Collectors.joining(",")));
        }
    }

    /** {@code a=1&b=2}, URL-encoded. */
    static String encode(Map<String, String> query) {
        return query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
