package dev.imagecensus.aggregator.metrics;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The aggregator's {@code /metrics}: Micrometer's Prometheus registry with the JVM and Kafka Streams binders, kept
 * within Prometheus naming conventions ({@link PromtoolSafeNames}), followed by the precomputed
 * {@link InventoryMetrics}.
 */
public final class AggregatorMetrics implements AutoCloseable {

    /** The text format Prometheus has always accepted. */
    public static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final InventoryMetrics inventory;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private volatile KafkaStreamsMetrics streams;
    private volatile int lastSize;

    private AggregatorMetrics(PrometheusMeterRegistry registry, InventoryMetrics inventory) {
        this.registry = registry;
        this.inventory = inventory;
    }

    /** The registry with JVM binders and the inventory collector; Kafka Streams is bound once it exists. */
    public static AggregatorMetrics create(Clock clock) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new PromtoolSafeNames());
        InventoryMetrics inventory = new InventoryMetrics(clock);
        AggregatorMetrics metrics = new AggregatorMetrics(registry, inventory);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        metrics.gc.bindTo(registry);
        return metrics;
    }

    /** Receives the topology's table changes. */
    public InventoryMetrics inventory() {
        return inventory;
    }

    /** Binds the Kafka Streams client's metrics (threads, tasks, embedded clients). */
    public void bind(KafkaStreams kafkaStreams) {
        KafkaStreamsMetrics binder = new KafkaStreamsMetrics(Objects.requireNonNull(kafkaStreams, "kafkaStreams"));
        binder.bindTo(registry);
        streams = binder;
    }

    /**
     * One scrape in the Prometheus text format 0.0.4 ({@link #TEXT_FORMAT}): Micrometer's meters, then the inventory
     * families. Always this format, whatever the {@code Accept} header says: Prometheus reads it, and the inventory's
     * 10⁵ series are written from prefixes prepared when each series appeared rather than rendered per scrape.
     */
    public ByteBuffer scrape() {
        return scrape(Set.of());
    }

    /**
     * One scrape holding only the families named in {@code names} (Prometheus' {@code name[]} selection; a
     * Micrometer meter is named by its exposed series names, e.g. {@code jvm_memory_used_bytes}); all when empty.
     */
    public ByteBuffer scrape(Set<String> names) {
        byte[] meters = (names.isEmpty() ? registry.scrape(TEXT_FORMAT) : registry.scrape(TEXT_FORMAT, names))
                .getBytes(StandardCharsets.UTF_8);
        ScrapeBuffer out = new ScrapeBuffer(meters.length + (names.isEmpty() ? lastSize : 0));
        out.write(meters);
        inventory.writeTo(out, names);
        if (names.isEmpty()) {
            lastSize = out.size();
        }
        return out.view();
    }

    /** Micrometer's registry, for further binders. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        KafkaStreamsMetrics binder = streams;
        if (binder != null) {
            binder.close();
        }
        gc.close();
        registry.close();
    }
}
