package dev.imagecensus.aggregator.metrics;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * One metric family of precomputed series. Table changes add and retract <em>contributions</em> (a source's value
 * at a label set); a series exists exactly while at least one contribution holds it, so series of images, pods
 * and workloads that are gone disappear with them. A scrape only writes the current values: each series keeps its
 * text-format prefix ({@code name{labels} }) from creation, so a scrape of 10⁵ series is a copy, not a rendering.
 *
 * <p>Several sources may land on one label set (two clusters with the same namespace and pod name, say): SUM
 * families add their values, ANY families read 1 when any contribution is positive. Thread-safe: each label set
 * is updated atomically.
 */
final class SeriesFamily {

    /** How the family is typed. UNTYPED is for seed names a gauge type would make promtool reject. */
    enum Type { GAUGE, UNTYPED }

    /** How contributions to one label set combine. */
    enum Merge { SUM, ANY }

    private final String name;
    private final Merge merge;
    private final String[] labelNames;
    /** Label positions in name order: series are written with sorted labels, as client libraries do. */
    private final int[] written;
    private final byte[] header;
    private final ConcurrentHashMap<List<String>, Series> series = new ConcurrentHashMap<>();

    SeriesFamily(String name, String help, Type type, Merge merge, String... labelNames) {
        this.name = name;
        this.merge = merge;
        this.labelNames = labelNames.clone();
        this.written = IntStream.range(0, labelNames.length).boxed()
                .sorted(Comparator.comparing(i -> labelNames[i])).mapToInt(Integer::intValue).toArray();
        this.header = ("# HELP " + name + " " + help.replace("\\", "\\\\").replace("\n", "\\n") + "\n# TYPE " + name
                + " " + type.name().toLowerCase(Locale.ROOT) + "\n").getBytes(StandardCharsets.UTF_8);
        if (labelNames.length == 0) {
            // A family without labels is one always-present number (0 when nothing contributes).
            series.put(List.of(), new Series(prefix(List.of())));
        }
    }

    /** Replaces a source's contribution: retracts {@code old} (if any) and adds {@code now} (if any). */
    void update(Contribution old, Contribution now) {
        if (old != null && now != null && old.labels().equals(now.labels())) {
            apply(now.labels(), 0, now.value() - old.value(), positive(now) - positive(old));
            return;
        }
        // Add before retracting, so a scrape in between never misses a series that stays.
        if (now != null) {
            apply(now.labels(), 1, now.value(), positive(now));
        }
        if (old != null) {
            apply(old.labels(), -1, -old.value(), -positive(old));
        }
    }

    /** A contribution of {@code value} at these label values (in the family's label order); nulls read as "". */
    Contribution at(double value, String... labelValues) {
        if (labelValues.length != labelNames.length) {
            throw new IllegalArgumentException(name + " takes " + labelNames.length + " labels, got " + labelValues.length);
        }
        String[] values = new String[labelValues.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = labelValues[i] == null ? "" : labelValues[i];
        }
        return new Contribution(List.of(values), value);
    }

    private void apply(List<String> labels, int contributors, double delta, int positives) {
        series.compute(labels, (key, current) -> {
            Series s = current == null ? new Series(prefix(key)) : current;
            s.contributors += contributors;
            s.sum += delta;
            s.positives += positives;
            s.value = merge == Merge.SUM ? s.sum : (s.positives > 0 ? 1 : 0);
            return s.contributors <= 0 && labelNames.length > 0 ? null : s;
        });
    }

    private static int positive(Contribution c) {
        return c.value() > 0 ? 1 : 0;
    }

    /** {@code name{a="x",b="y"} } in the text format, label values escaped. */
    private byte[] prefix(List<String> values) {
        StringBuilder line = new StringBuilder(name);
        if (!values.isEmpty()) {
            line.append('{');
            for (int i : written) {
                line.append(line.charAt(line.length() - 1) == '{' ? "" : ",").append(labelNames[i]).append("=\"").append(values.get(i)
                        .replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
            }
            line.append('}');
        }
        return line.append(' ').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Current number of series. */
    int size() {
        return series.size();
    }

    /** The sum of every series' value. */
    double total() {
        return series.values().stream().mapToDouble(s -> s.value).sum();
    }

    /** The value of one series, null when it does not exist. */
    Double value(String... labelValues) {
        Series s = series.get(Arrays.asList(labelValues));
        return s == null ? null : s.value;
    }

    String name() {
        return name;
    }

    /** Writes the family in the Prometheus text format (0.0.4); nothing when it has no series. */
    void writeTo(ScrapeBuffer out) {
        boolean first = true;
        for (Series s : series.values()) {
            if (first) {
                out.write(header);
                first = false;
            }
            out.write(s.prefix);
            out.writeValue(s.value);
            out.write('\n');
        }
    }

    /** One source's value at one label set. */
    record Contribution(List<String> labels, double value) {
        Contribution {
            Objects.requireNonNull(labels, "labels");
        }
    }

    /** Mutated only inside {@code compute} for its key; {@code value} is read by scrapes. */
    private static final class Series {
        final byte[] prefix;
        int contributors;
        int positives;
        double sum;
        volatile double value;

        Series(byte[] prefix) {
            this.prefix = prefix;
        }
    }
}
