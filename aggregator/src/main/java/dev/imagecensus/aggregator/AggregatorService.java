package dev.imagecensus.aggregator;

import dev.imagecensus.aggregator.topology.AggregatorTopology;
import dev.imagecensus.schemas.Topics;
import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import dev.imagecensus.streams.StreamThreadFailures;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aggregator's composition root: registry client, topics, topology and {@link KafkaStreams}, started and
 * closed together. The HTTP/metrics layer reads state through {@link #streams()} (interactive queries on the
 * {@link AggregatorStores}) and {@link #state()} (readiness), and gets table changes via its
 * {@link InventoryListener}.
 */
public final class AggregatorService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AggregatorService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final SchemaRegistryClient registry;
    private final KafkaStreams streams;

    private AggregatorService(SchemaRegistryClient registry, KafkaStreams streams) {
        this.registry = registry;
        this.streams = streams;
    }

    /** Starts with the production topic names. */
    public static AggregatorService start(AggregatorConfig config, InventoryListener listener) {
        return start(config, UnaryOperator.identity(), listener);
    }

    /** Starts; {@code topicNames} may set a prefix or suffix on every topic name. */
    public static AggregatorService start(AggregatorConfig config, UnaryOperator<Topics.Builder> topicNames,
                                          InventoryListener listener) {
        log.info("Starting aggregator: {}", config);
        SchemaRegistryClient registry = HttpSchemaRegistryClient.fromConfig(config.registryClientProperties());
        try {
            Topics topics = topicNames.apply(Topics.builder(registry).serdeConfig(config.registryClientProperties())).build();
            KafkaStreams streams = new KafkaStreams(AggregatorTopology.build(topics, config, listener),
                    config.streamsProperties());
            streams.setUncaughtExceptionHandler(new StreamThreadFailures());
            streams.start();
            return new AggregatorService(registry, streams);
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
    }


    /** For interactive queries and metrics binders. */
    public KafkaStreams streams() {
        return streams;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /**
     * Stops processing, committing the open transaction, and leaves the consumer group so the partitions move to
     * the remaining instances now rather than after the session timeout (45 s by default).
     */
    @Override
    public void close() {
        try {
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(CLOSE_TIMEOUT));
        } finally {
            registry.close();
        }
    }
}
