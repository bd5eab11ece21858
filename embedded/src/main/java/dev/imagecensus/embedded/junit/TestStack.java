package dev.imagecensus.embedded.junit;

import dev.imagecensus.embedded.kafka.ContainerKafka;
import dev.imagecensus.embedded.kafka.EmbeddedKafka;
import dev.imagecensus.embedded.kafka.KafkaFixture;
import dev.imagecensus.embedded.kafka.TopicAdmin;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistry;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistryConfig;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The real components every {@code *IT} shares within one test JVM: a Kafka broker (in-process KRaft by default,
 * a container with {@code -Dimagecensus.kafka.fixture=testcontainers}) and the embedded schema registry over HTTP,
 * keeping its schemas in the broker's {@code _schemas} topic as in production. Tests isolate themselves with
 * {@link #uniqueTopic(String)} names instead of starting components of their own.
 */
public final class TestStack implements AutoCloseable {

    public static final String FIXTURE_PROPERTY = "imagecensus.kafka.fixture";

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final KafkaFixture kafka;
    private final EmbeddedSchemaRegistry registry;

    private TestStack(KafkaFixture kafka, EmbeddedSchemaRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    static TestStack start() {
        String fixture = System.getProperty(FIXTURE_PROPERTY, "embedded").trim().toLowerCase(Locale.ROOT);
        KafkaFixture kafka = switch (fixture) {
            case "", "embedded" -> EmbeddedKafka.start();
            case "testcontainers" -> ContainerKafka.start(System.getProperty("imagecensus.kafka.image", ContainerKafka.DEFAULT_IMAGE));
            default -> throw new IllegalArgumentException(FIXTURE_PROPERTY + " must be 'embedded' or 'testcontainers', got '" + fixture + "'");
        };
        try {
            return new TestStack(kafka, EmbeddedSchemaRegistry.start(EmbeddedSchemaRegistryConfig.kafka(kafka.bootstrapServers())));
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Base URL of the shared schema registry, for {@code schema.registry.url}. */
    public String schemaRegistryUrl() {
        return registry.url();
    }

    /** A topic name no other test in this JVM uses: {@code base-<n>}. */
    public String uniqueTopic(String base) {
        return base + "-" + COUNTER.incrementAndGet();
    }

    /** An application id / group id no other test in this JVM uses. */
    public String uniqueId(String base) {
        return uniqueTopic(base);
    }

    /** Creates a topic (replication 1) and waits until it accepts writes. */
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        TopicAdmin.createAndAwait(bootstrapServers(), new NewTopic(name, partitions, (short) 1).configs(configs));
    }

    public void createTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of());
    }

    @Override
    public void close() {
        registry.close();
        kafka.close();
    }
}
