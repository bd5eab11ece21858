package dev.imagecensus.embedded.registry;

import static dev.imagecensus.embedded.registry.RegistryHttp.field;
import static dev.imagecensus.embedded.registry.RegistryHttp.json;
import static dev.imagecensus.embedded.registry.RegistryHttp.record;
import static dev.imagecensus.embedded.registry.SubjectsEndpointTest.ints;
import static dev.imagecensus.embedded.registry.SubjectsEndpointTest.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagecensus.embedded.junit.StackExtension;
import dev.imagecensus.embedded.junit.TestStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StackExtension.class)
class KafkaSchemaStoreIT {

    private static final String IMAGE_V1 = record("Image", field("ref", "string"));
    private static final String IMAGE_V2 = record("Image", field("ref", "string"), field("count", "int", "0"));
    private static final String AUDIT = record("Audit", field("at", "long"));

    @Test
    void shouldKeepEverySubjectVersionIdAndConfigWhenNewRegistryStartsOnSameTopic(TestStack stack) {
        EmbeddedSchemaRegistryConfig config = EmbeddedSchemaRegistryConfig.kafka(
                KafkaSchemaStoreConfig.defaults(stack.bootstrapServers()).withTopic(stack.uniqueTopic("_schemas")));
        int v1;
        int v2;
        int audit;
        try (EmbeddedSchemaRegistry first = EmbeddedSchemaRegistry.start(config)) {
            RegistryHttp http = new RegistryHttp(first.url());
            v1 = http.registerOk("images-value", IMAGE_V1);
            v2 = http.registerOk("images-value", IMAGE_V2);
            assertThat(http.registerOk("copies-value", IMAGE_V2)).isEqualTo(v2);
            audit = http.registerOk("audit-value", AUDIT);
            http.put("/config", json("compatibility", "FULL"));
            http.put("/config/audit-value", json("compatibility", "NONE"));
            http.delete("/subjects/copies-value");
        }

        try (EmbeddedSchemaRegistry second = EmbeddedSchemaRegistry.start(config)) {
            RegistryHttp http = new RegistryHttp(second.url()); // a new client: nothing cached
            assertThat(texts(http.get("/subjects").json())).containsExactly("audit-value", "images-value");
            assertThat(ints(http.get("/subjects/images-value/versions").json())).containsExactly(1, 2);
            assertThat(http.get("/subjects/images-value/versions/1").json().get("id").asInt()).isEqualTo(v1);
            assertThat(http.get("/subjects/images-value/versions/latest").json().get("id").asInt()).isEqualTo(v2);
            assertThat(http.get("/subjects/audit-value/versions/1").json().get("id").asInt()).isEqualTo(audit);
            assertThat(ints(http.get("/subjects/copies-value/versions?deleted=true").json())).containsExactly(1);
            assertThat(http.get("/schemas/ids/" + v2).status()).isEqualTo(200);
            assertThat(http.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("FULL");
            assertThat(http.get("/config/audit-value").json().get("compatibilityLevel").asText()).isEqualTo("NONE");
            // Idempotent after restart, and new ids continue after the highest one.
            assertThat(http.registerOk("images-value", IMAGE_V1)).isEqualTo(v1);
            assertThat(http.registerOk("new-value", record("New", field("x", "int")))).isEqualTo(audit + 1);
        }
    }

    @Test
    void shouldCreateCompactedSinglePartitionTopicWithConfluentStyleRecords(TestStack stack) throws Exception {
        String topic = stack.uniqueTopic("_schemas");
        int id;
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(EmbeddedSchemaRegistryConfig.kafka(
                KafkaSchemaStoreConfig.defaults(stack.bootstrapServers()).withTopic(topic)))) {
            id = new RegistryHttp(registry.url()).registerOk("images-value", IMAGE_V1);
        }

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            String policy = admin.describeConfigs(Set.of(resource)).all().get().get(resource)
                    .get("cleanup.policy").value();
            assertThat(description.partitions()).hasSize(1);
            assertThat(policy).isEqualTo("compact");
        }
        List<ConsumerRecord<String, String>> records = readAll(stack.bootstrapServers(), topic);
        ObjectMapper mapper = new ObjectMapper();
        assertThat(records).hasSize(1);
        JsonNode key = mapper.readTree(records.get(0).key());
        JsonNode value = mapper.readTree(records.get(0).value());
        assertThat(key.get("keytype").asText()).isEqualTo("SCHEMA");
        assertThat(key.get("subject").asText()).isEqualTo("images-value");
        assertThat(key.get("version").asInt()).isEqualTo(1);
        assertThat(value.get("id").asInt()).isEqualTo(id);
        assertThat(value.get("deleted").asBoolean()).isFalse();
    }

    @Test
    void shouldRefuseToStartWhenTopicHasSeveralPartitions(TestStack stack) {
        String topic = stack.uniqueTopic("_schemas");
        stack.createTopic(topic, 3, Map.of("cleanup.policy", "compact"));

        assertThatThrownBy(() -> EmbeddedSchemaRegistry.start(EmbeddedSchemaRegistryConfig.kafka(
                KafkaSchemaStoreConfig.defaults(stack.bootstrapServers()).withTopic(topic))))
                .isInstanceOf(SchemaStoreException.class)
                .hasMessageContaining("exactly 1 partition");
    }

    @Test
    void shouldRefuseToStartWhenTopicIsNotCompacted(TestStack stack) {
        String topic = stack.uniqueTopic("_schemas");
        stack.createTopic(topic, 1, Map.of("cleanup.policy", "delete"));

        assertThatThrownBy(() -> EmbeddedSchemaRegistry.start(EmbeddedSchemaRegistryConfig.kafka(
                KafkaSchemaStoreConfig.defaults(stack.bootstrapServers()).withTopic(topic))))
                .isInstanceOf(SchemaStoreException.class)
                .hasMessageContaining("cleanup.policy=compact");
    }

    private static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
