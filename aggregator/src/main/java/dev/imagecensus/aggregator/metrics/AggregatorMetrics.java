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
import java.time.Clock;
import java.util.Objects;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The aggregator's {@code /metrics}: Micrometer's Prometheus registry with the JVM and Kafka Streams binders and
 * the precomputed {@link InventoryMetrics}, kept within Prometheus naming conventions ({@link PromtoolSafeNames}).
 */
public final class AggregatorMetrics implements AutoCloseable {

    /** The text format Prometheus has always accepted. */
    public static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final InventoryMetrics inventory;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private volatile KafkaStreamsMetrics streams;

    private AggregatorMetrics(PrometheusMeterRegistry registry, InventoryMetrics inventory) {
        this.registry = registry;
        this.inventory = inventory;
    }

    /** The registry with JVM binders and the inventory collector; Kafka Streams is bound once it exists. */
    public static AggregatorMetrics create(Clock clock) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new PromtoolSafeNames());
        InventoryMetrics inventory = new InventoryMetrics(clock);
        registry.getPrometheusRegistry().register(inventory);
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
     * One scrape in the format the {@code Accept} header asks for (OpenMetrics or the 0.0.4 text format).
     *
     * @return the body; its content type is {@link #contentType(String)}
     */
    public String scrape(String accept) {
        return registry.scrape(contentType(accept));
    }

    /** The content type answered for {@code accept}: OpenMetrics when asked for, else the 0.0.4 text format. */
    public static String contentType(String accept) {
        return accept != null && accept.contains("application/openmetrics-text")
                ? "application/openmetrics-text; version=1.0.0; charset=utf-8"
                : TEXT_FORMAT;
    }

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
