package dev.imagecensus.aggregator.metrics;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One metric family of precomputed series. Table changes add and retract <em>contributions</em> (a source's value
 * at a label set); a series exists exactly while at least one contribution holds it, so series of images, pods
 * and workloads that are gone disappear with them. A scrape only reads the current values.
 *
 * <p>Several sources may land on one label set (two clusters with the same namespace and pod name, say): SUM
 * families add their values, ANY families read 1 when any contribution is positive. Thread-safe: each label set
 * is updated atomically.
 */
final class SeriesFamily {

    /** How the family is exposed. UNTYPED is for seed names a gauge type would make promtool reject. */
    enum Type { GAUGE, UNTYPED, INFO }

    /** How contributions to one label set combine. */
    enum Merge { SUM, ANY }

    private final String name;
    private final String help;
    private final Type type;
    private final Merge merge;
    private final String[] labelNames;
    private final ConcurrentHashMap<List<String>, Series> series = new ConcurrentHashMap<>();

    /** @param name the exposed name; an INFO family's name without its {@code _info} suffix */
    SeriesFamily(String name, String help, Type type, Merge merge, String... labelNames) {
        this.name = name;
        this.help = help;
        this.type = type;
        this.merge = merge;
        this.labelNames = labelNames.clone();
        if (labelNames.length == 0) {
            // A family without labels is one always-present number (0 when nothing contributes).
            series.put(List.of(), new Series(Labels.EMPTY));
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
            Series s = current == null ? new Series(labels(key)) : current;
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

    private Labels labels(List<String> values) {
        return Labels.of(labelNames, values.toArray(String[]::new));
    }

    /** Current number of series. */
    int size() {
        return series.size();
    }

    /** The value of one series, null when it does not exist. */
    Double value(String... labelValues) {
        Series s = series.get(Arrays.asList(labelValues));
        return s == null ? null : s.value;
    }

    /** The Prometheus name as registered: INFO families without their {@code _info} suffix. */
    String name() {
        return name;
    }

    /** The family as it is now. */
    MetricSnapshot snapshot() {
        List<Series> current = new ArrayList<>(series.values());
        return switch (type) {
            case GAUGE -> {
                GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
                current.forEach(s -> b.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .labels(s.labels).value(s.value).build()));
                yield b.build();
            }
            case UNTYPED -> {
                UnknownSnapshot.Builder b = UnknownSnapshot.builder().name(name).help(help);
                current.forEach(s -> b.dataPoint(UnknownSnapshot.UnknownDataPointSnapshot.builder()
                        .labels(s.labels).value(s.value).build()));
                yield b.build();
            }
            case INFO -> {
                InfoSnapshot.Builder b = InfoSnapshot.builder().name(name).help(help);
                current.forEach(s -> b.dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder().labels(s.labels).build()));
                yield b.build();
            }
        };
    }

    /** One source's value at one label set. */
    record Contribution(List<String> labels, double value) {
        Contribution {
            Objects.requireNonNull(labels, "labels");
        }
    }

    /** Mutated only inside {@code compute} for its key; {@code value} is read by scrapes. */
    private static final class Series {
        final Labels labels;
        int contributors;
        int positives;
        double sum;
        volatile double value;

        Series(Labels labels) {
            this.labels = labels;
        }
    }
}
