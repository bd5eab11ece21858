package dev.imagecensus.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.embedded.junit.StackExtension;
import dev.imagecensus.embedded.junit.TestStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(StackExtension.class)
class EmbeddedKafkaIT {

    @Test
    void shouldExposeOnlyCommittedRecordsWhenConsumerReadsCommitted(TestStack stack) throws Exception {
        String topic = stack.uniqueTopic("tx");
        stack.createTopic(topic, 1);

        try (KafkaProducer<String, String> producer = transactionalProducer(stack.bootstrapServers(), stack.uniqueId("tx"))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k1", "committed-1"));
            producer.send(new ProducerRecord<>(topic, "k2", "committed-2"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k3", "aborted"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k4", "committed-3"));
            producer.commitTransaction();
        }

        assertThat(readAll(stack.bootstrapServers(), topic, 3))
                .extracting(ConsumerRecord::value)
                .containsExactly("committed-1", "committed-2", "committed-3");
    }

    @Test
    void shouldKeepClusterIdAndRecordsWhenRestartedOnSameDataDir(@TempDir Path dataDir) throws Exception {
        // The broker's own restart needs a broker of its own; every other IT shares the stack's.
        EmbeddedKafkaConfig config = EmbeddedKafkaConfig.defaults().withDataDir(dataDir);
        String clusterId;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(config)) {
            TopicAdmin.createAndAwait(kafka.bootstrapServers(), new NewTopic("durable", 1, (short) 1));
            try (KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
                producer.send(new ProducerRecord<>("durable", "key", "survives restart")).get();
            }
            clusterId = clusterId(kafka.bootstrapServers());
        }

        try (EmbeddedKafka restarted = EmbeddedKafka.start(config)) {
            assertThat(clusterId(restarted.bootstrapServers())).isEqualTo(clusterId);
            assertThat(readAll(restarted.bootstrapServers(), "durable", 1))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("survives restart");
        }
    }

    private static String clusterId(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.describeCluster().clusterId().get();
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static KafkaProducer<String, String> transactionalProducer(String bootstrap, String transactionalId) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Reads until {@code expected} records arrived, then a little longer so extra records would show up. */
    private static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            consumer.poll(Duration.ofMillis(300)).forEach(records::add);
        }
        return records;
    }
}
