package dev.imagecensus.embedded.registry;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the registry's records in a compacted single-partition topic ({@code _schemas} by default), like
 * Confluent's KafkaStore, so subjects, versions, ids and configs survive restarts. Writes go through an
 * idempotent {@code acks=all} producer and return once acknowledged; a start reads the topic to its end.
 *
 * <p>Single writer: nothing fences a second registry on the same topic, so run one per topic.
 */
public final class KafkaSchemaStore implements SchemaStore {

    private static final Logger log = LoggerFactory.getLogger(KafkaSchemaStore.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaSchemaStoreConfig config;
    private final TopicPartition partition;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final StoreRecordCodec codec = new StoreRecordCodec();

    private KafkaSchemaStore(KafkaSchemaStoreConfig config, KafkaProducer<byte[], byte[]> producer,
                             KafkaConsumer<byte[], byte[]> consumer) {
        this.config = config;
        this.partition = new TopicPartition(config.topic(), 0);
        this.producer = producer;
        this.consumer = consumer;
        consumer.assign(List.of(partition));
    }

    /** Creates or checks the topic and connects; see {@link KafkaSchemaStoreConfig#open()}. */
    static KafkaSchemaStore open(KafkaSchemaStoreConfig config) {
        Admin admin = Admin.create(common(config));
        try {
            SchemasTopic.ensure(admin, config);
        } catch (KafkaException e) {
            throw new SchemaStoreException("Cannot reach Kafka at " + config.bootstrapServers() + ": " + e.getMessage(), e);
        } finally {
            // Every call has completed or been given up on: do not wait for an unreachable broker.
            admin.close(Duration.ZERO);
        }
        KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(producerProperties(config), new ByteArraySerializer(), new ByteArraySerializer());
        try {
            return new KafkaSchemaStore(config, producer,
                    new KafkaConsumer<>(consumerProperties(config), new ByteArrayDeserializer(), new ByteArrayDeserializer()));
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
    }

    @Override
    public void replay(Consumer<StoreRecord> sink) {
        long deadline = System.nanoTime() + config.timeout().toNanos();
        int count = 0;
        try {
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), config.timeout()).get(partition);
            while (consumer.position(partition, config.timeout()) < end) {
                if (System.nanoTime() > deadline) {
                    throw new SchemaStoreException("Timed out after " + config.timeout() + " reading " + partition
                            + " to offset " + end + " (at " + consumer.position(partition) + ")");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    decode(record).ifPresent(sink);
                    count++;
                }
            }
            log.info("Read {} records from {} up to offset {}", count, partition, end);
        } catch (KafkaException e) {
            throw new SchemaStoreException("Cannot read " + partition + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void append(StoreRecord record) {
        ProducerRecord<byte[], byte[]> message =
                new ProducerRecord<>(config.topic(), 0, codec.key(record), codec.value(record));
        try {
            // delivery.timeout.ms bounds the send; the extra second only guards against a hung future.
            producer.send(message).get(config.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaStoreException("Interrupted while writing to " + config.topic(), e);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new SchemaStoreException("Cannot write to " + config.topic() + ": " + cause.getMessage(), cause);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        consumer.close(Duration.ofSeconds(5));
    }

    private java.util.Optional<StoreRecord> decode(ConsumerRecord<byte[], byte[]> record) {
        try {
            return codec.decode(record.key(), record.value());
        } catch (SchemaStoreException e) {
            // Fail the start rather than serve a registry missing schemas: name the record to fix.
            throw new SchemaStoreException(e.getMessage() + " at " + record.topic() + "-" + record.partition()
                    + "@" + record.offset(), e);
        }
    }

    private static Map<String, Object> common(KafkaSchemaStoreConfig config) {
        Map<String, Object> props = new HashMap<>(config.clientProperties());
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.putIfAbsent(CommonClientConfigs.CLIENT_ID_CONFIG, "schema-registry-" + config.topic());
        return props;
    }

    private static Map<String, Object> producerProperties(KafkaSchemaStoreConfig config) {
        Map<String, Object> props = common(config);
        long timeoutMs = config.timeout().toMillis();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // Bounded so a failed write is final when reported: the registry then re-reads the topic before writing.
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, timeoutMs / 2));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        return props;
    }

    private static Map<String, Object> consumerProperties(KafkaSchemaStoreConfig config) {
        Map<String, Object> props = common(config);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG); // assigned, not subscribed: no group, no commits
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }
}
