package dev.imagecensus.aggregator.topology;

import dev.imagecensus.aggregator.AggregatorConfig;
import dev.imagecensus.aggregator.InventoryListener;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistry;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistryConfig;
import dev.imagecensus.schemas.Topics;
import dev.imagecensus.schemas.avro.DeadLetter;
import dev.imagecensus.schemas.avro.ImageAudit;
import dev.imagecensus.schemas.avro.ImageClassification;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.avro.ImageInventory;
import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The production topology and configuration in a {@link TopologyTestDriver}, with the real schema registry over
 * HTTP (in-memory store) behind every Avro serde. One per test.
 */
final class TopologyFixture implements AutoCloseable {

    final EmbeddedSchemaRegistry registry;
    final SchemaRegistryClient client;
    final Topics topics;
    final AggregatorConfig config;
    final TopologyTestDriver driver;
    final TestInputTopic<String, ImageEvent> events;
    final TestInputTopic<String, ImageClassification> classifications;
    final TestInputTopic<String, byte[]> rawEvents;
    final TestOutputTopic<String, ImageInventory> inventory;
    final TestOutputTopic<String, ImageAudit> audit;
    final TestOutputTopic<String, DeadLetter> deadLetters;
    private Instant clock = Events.T0;

    private TopologyFixture(InventoryListener listener, Map<String, String> registryProperties) {
        registry = EmbeddedSchemaRegistry.start(EmbeddedSchemaRegistryConfig.inMemory());
        AggregatorConfig.Builder builder = AggregatorConfig.builder()
                .bootstrapServers("never-contacted:9092")
                .schemaRegistryUrl(registry.url())
                .stateDir(tempDir());
        registryProperties.forEach(builder::registryProperty);
        config = builder.build();
        client = HttpSchemaRegistryClient.fromConfig(config.registryClientProperties());
        topics = Topics.builder(client).serdeConfig(config.registryClientProperties()).build();
        driver = new TopologyTestDriver(AggregatorTopology.build(topics, config, listener), config.streamsProperties());
        events = input(topics.imageEvents());
        classifications = input(topics.imageClassifications());
        rawEvents = driver.createInputTopic(topics.imageEvents().name(), new StringSerializer(), new ByteArraySerializer());
        inventory = output(topics.imageInventory());
        audit = output(topics.imageAudit());
        deadLetters = output(topics.deadLetters());
    }

    static TopologyFixture start() {
        return new TopologyFixture(InventoryListener.NONE, Map.of());
    }

    static TopologyFixture start(InventoryListener listener) {
        return new TopologyFixture(listener, Map.of());
    }

    static TopologyFixture start(Map<String, String> registryProperties) {
        return new TopologyFixture(InventoryListener.NONE, registryProperties);
    }

    /** Pipes an event for {@code container}, one second after the previous input. */
    void pipe(Events.Container container, ImageEvent event) {
        events.pipeInput(container.key(), event, tick());
    }

    /** Pipes the tombstone that follows a DELETED. */
    void tombstone(Events.Container container) {
        events.pipeInput(container.key(), null, tick());
    }

    void classify(ImageClassification classification) {
        classifications.pipeInput(classification.getImage(), classification, tick());
    }

    /** The time of the last piped record. */
    Instant now() {
        return clock;
    }

    <V> KeyValueStore<String, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    /** Exact entries of a store (RocksDB's approximateNumEntries counts deleted keys too). */
    <V> Map<String, V> entries(String name) {
        Map<String, V> out = new TreeMap<>();
        try (KeyValueIterator<String, V> all = this.<V>store(name).all()) {
            all.forEachRemaining(kv -> out.put(kv.key, kv.value));
        }
        return out;
    }

    private Instant tick() {
        clock = clock.plusSeconds(1);
        return clock;
    }

    private <V> TestInputTopic<String, V> input(Topics.Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <V> TestOutputTopic<String, V> output(Topics.Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("aggregator-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            client.close();
            registry.close();
        }
    }
}
