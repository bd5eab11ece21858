package dev.imagecensus.aggregator.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.regex.Pattern;

/**
 * Keeps the binders' meters within Prometheus naming conventions, so a scrape passes {@code promtool check metrics}:
 * Kafka client meters whose names carry an abbreviated unit ({@code io-time-ns-total}, {@code start-time-ms}) are
 * denied (as is {@code process.cpu.time} in ns), since a filter can rename but not rescale them to seconds; gauges named {@code *.count}
 * ({@code connection-count}, {@code system.cpu.count}) read as plurals ({@code kafka_consumer_connections});
 * meters without a description get one.
 */
final class PromtoolSafeNames implements MeterFilter {

    private static final Pattern ABBREVIATED_UNIT = Pattern.compile("(^|\\.)(ns|ms|us|s)(\\.|$)");

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        boolean abbreviated = ABBREVIATED_UNIT.matcher(id.getName()).find()
                || id.getBaseUnit() != null && ABBREVIATED_UNIT.matcher(id.getBaseUnit()).matches();
        return abbreviated ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        Meter.Id mapped = id;
        String name = id.getName();
        if (id.getType() == Meter.Type.GAUGE && name.endsWith(".count")) {
            mapped = mapped.withName(name.substring(0, name.length() - ".count".length()) + "s");
        }
        if (mapped.getDescription() == null || mapped.getDescription().isBlank()) {
            mapped = new Meter.Id(mapped.getName(), io.micrometer.core.instrument.Tags.of(mapped.getTagsAsIterable()),
                    mapped.getBaseUnit(), "Micrometer meter " + id.getName(), mapped.getType());
        }
        return mapped;
    }
}
