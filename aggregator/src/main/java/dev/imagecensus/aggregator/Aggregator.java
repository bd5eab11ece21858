package dev.imagecensus.aggregator;

import dev.imagecensus.aggregator.http.HttpApi;
import dev.imagecensus.aggregator.http.StoreQueries;
import dev.imagecensus.aggregator.metrics.AggregatorMetrics;
import dev.imagecensus.schemas.Topics;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The whole aggregator service: the Kafka Streams app ({@link AggregatorService}) feeding precomputed metrics,
 * interactive queries across instances, and the one HTTP port serving metrics, probes, the JSON API and the page.
 * Started by {@link #start}, stopped by {@link #close()}.
 *
 * <pre>{@code
 * try (Aggregator aggregator = Aggregator.start(config)) { ... }
 * }</pre>
 */
public final class Aggregator implements AutoCloseable {

    private final AggregatorMetrics metrics;
    private final AggregatorService service;
    private final HttpApi http;

    private Aggregator(AggregatorMetrics metrics, AggregatorService service, HttpApi http) {
        this.metrics = metrics;
        this.service = service;
        this.http = http;
    }

    /** Starts with the production topic names. */
    public static Aggregator start(AggregatorConfig config) {
        return start(config, UnaryOperator.identity());
    }

    /**
     * Starts the streams app, binds its metrics and opens the HTTP port. The port is up while streams is still
     * starting ({@code /readyz} answers 503 until it is RUNNING).
     *
     * @param topicNames may set a prefix or suffix on every topic name
     */
    public static Aggregator start(AggregatorConfig config, UnaryOperator<Topics.Builder> topicNames) {
        return start(config, topicNames, () -> true);
    }

    /**
     * Starts as {@link #start(AggregatorConfig, UnaryOperator)}; {@code /readyz} answers 200 only once
     * {@code alsoReady} holds too (used by {@code image-census local} for the whole in-process pipeline).
     */
    public static Aggregator start(AggregatorConfig config, UnaryOperator<Topics.Builder> topicNames,
                                   BooleanSupplier alsoReady) {
        Clock clock = Clock.systemUTC();
        AggregatorMetrics metrics = AggregatorMetrics.create(clock);
        AggregatorService service = null;
        try {
            service = AggregatorService.start(config, topicNames, metrics.inventory());
            metrics.bind(service.streams());
            HostInfo self = config.applicationServer() == null ? null : HostInfo.buildFromEndpoint(config.applicationServer());
            HttpApi http = HttpApi.start(HttpApi.Options.from(config), new StoreQueries(service.streams(), self),
                    service::state, alsoReady, metrics, clock);
            return new Aggregator(metrics, service, http);
        } catch (RuntimeException e) {
            if (service != null) {
                service.close();
            }
            metrics.close();
            throw e;
        }
    }

    /** The bound HTTP port. */
    public int httpPort() {
        return http.port();
    }

    public KafkaStreams.State state() {
        return service.state();
    }

    /** The metrics, including the precomputed inventory families; for embedding and benchmarks. */
    public AggregatorMetrics metrics() {
        return metrics;
    }

    /** The streams app, for tests and embedding. */
    public AggregatorService service() {
        return service;
    }

    /** Closes the HTTP port first (readiness goes with it), then streams (leaving the group), then metrics. */
    @Override
    public void close() {
        try {
            http.close();
        } finally {
            try {
                service.close();
            } finally {
                metrics.close();
            }
        }
    }
}
