package dev.imagecensus.enricher.classify;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the distribution in a merged tree, in DESIGN.md's order: {@code etc/os-release},
 * {@code usr/lib/os-release}, then {@code etc/alpine-release}, {@code etc/debian_version},
 * {@code etc/lsb-release}, {@code etc/redhat-release}, {@code etc/system-release}, then a busybox binary.
 * Empty means no identity file at all: scratch (the caller turns an incomplete scan into UNKNOWN first).
 */
final class DistroDetector {

    private static final Pattern RELEASE_VERSION = Pattern.compile("(?i)\\brelease\\s+([0-9][0-9.]*)");
    // Red Hat-style release lines → os-release ID, and that ID's first ID_LIKE (its family).
    private static final List<String[]> RELEASE_NAMES = List.of(
            new String[] {"red hat enterprise linux", "rhel", "fedora"},
            new String[] {"centos", "centos", "rhel"},
            new String[] {"rocky linux", "rocky", "rhel"},
            new String[] {"almalinux", "almalinux", "rhel"},
            new String[] {"oracle linux", "ol", "fedora"},
            new String[] {"amazon linux", "amzn", "centos"},
            new String[] {"fedora", "fedora", "fedora"});

    private DistroDetector() {
    }

    static Optional<DistroInfo> detect(MergedView view) {
        for (String path : InterestingPaths.OS_RELEASE) {
            Optional<DistroInfo> found = text(view, path).flatMap(text -> fromOsRelease(text, path));
            if (found.isPresent()) {
                return found;
            }
        }
        for (String path : InterestingPaths.RELEASE_FILES) {
            Optional<MergedView.Resolved> file = view.lookup(path);
            if (file.isPresent()) {
                Optional<DistroInfo> found = fromReleaseFile(path, textOf(file.get()));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        for (String path : InterestingPaths.BUSYBOX) {
            Optional<MergedView.Resolved> busybox = view.lookup(path);
            if (busybox.isPresent()) {
                String version = busybox.get().fact().busyboxVersion();
                String name = version == null ? "BusyBox" : "BusyBox v" + version;
                return Optional.of(new DistroInfo("busybox", version, name, "busybox", null, path));
            }
        }
        return Optional.empty();
    }

    /** Reads os-release; empty when it holds no assignment at all. */
    static Optional<DistroInfo> fromOsRelease(String text, String source) {
        Map<String, String> values = KeyValueFile.parse(text);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        String id = nonBlank(values.get("ID")).orElse("linux").toLowerCase(Locale.ROOT);
        String name = nonBlank(values.get("PRETTY_NAME")).or(() -> nonBlank(values.get("NAME"))).orElse(null);
        String family = nonBlank(values.get("ID_LIKE")).map(like -> like.strip().split("\\s+")[0]).orElse(id);
        String variant = nonBlank(values.get("VARIANT_ID")).orElse(null);
        if ("Distroless".equalsIgnoreCase(values.get("PRETTY_NAME"))) {
            // gcr.io/distroless: Debian underneath, but its os-release says so only through ID.
            family = "debian";
            variant = "distroless";
        }
        return Optional.of(new DistroInfo(id, nonBlank(values.get("VERSION_ID")).orElse(null), name,
                family.toLowerCase(Locale.ROOT), variant, source));
    }

    private static Optional<DistroInfo> fromReleaseFile(String path, String text) {
        String firstLine = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(null);
        return switch (path) {
            case "etc/alpine-release" -> Optional.of(new DistroInfo("alpine", firstLine, null, "alpine", null, path));
            case "etc/debian_version" -> Optional.of(new DistroInfo("debian", firstLine, null, "debian", null, path));
            case "etc/lsb-release" -> fromLsbRelease(text, path);
            default -> firstLine == null ? Optional.empty() : Optional.of(fromReleaseLine(firstLine, path));
        };
    }

    private static Optional<DistroInfo> fromLsbRelease(String text, String path) {
        Map<String, String> values = KeyValueFile.parse(text);
        return nonBlank(values.get("DISTRIB_ID")).map(id -> id.toLowerCase(Locale.ROOT)).map(id -> new DistroInfo(
                id, nonBlank(values.get("DISTRIB_RELEASE")).orElse(null),
                nonBlank(values.get("DISTRIB_DESCRIPTION")).orElse(null), id, null, path));
    }

    /** Reads a line like "Red Hat Enterprise Linux release 8.9 (Ootpa)". */
    static DistroInfo fromReleaseLine(String line, String path) {
        String lower = line.toLowerCase(Locale.ROOT);
        String id = lower.split("[^a-z0-9]+", 2)[0];
        String family = id;
        for (String[] known : RELEASE_NAMES) {
            if (lower.startsWith(known[0])) {
                id = known[1];
                family = known[2];
                break;
            }
        }
        Matcher version = RELEASE_VERSION.matcher(line);
        return new DistroInfo(id.isEmpty() ? "linux" : id, version.find() ? version.group(1) : null, line, family,
                null, path);
    }

    private static Optional<String> text(MergedView view, String path) {
        return view.lookup(path).filter(r -> r.fact().kind() == FileFact.Kind.CONTENT).map(r -> r.fact().text());
    }

    private static String textOf(MergedView.Resolved file) {
        return file.fact().text() == null ? "" : file.fact().text();
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
