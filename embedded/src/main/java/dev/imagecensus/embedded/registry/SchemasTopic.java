package dev.imagecensus.embedded.registry;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the store's topic when missing (1 partition, {@code cleanup.policy=compact}) and refuses one that
 * exists with another shape: more partitions would break the single ordered log, deletion would lose schemas.
 */
final class SchemasTopic {

    private SchemasTopic() {
    }

    static void ensure(Admin admin, KafkaSchemaStoreConfig config) {
        String topic = config.topic();
        long deadline = System.nanoTime() + config.timeout().toNanos();
        try {
            TopicDescription description = describe(admin, topic, deadline);
            if (description == null) {
                create(admin, config, deadline);
                description = awaitCreated(admin, topic, deadline);
            }
            if (description == null || description.partitions().size() != 1) {
                throw new SchemaStoreException("Topic " + topic + " must have exactly 1 partition, it has "
                        + (description == null ? "none" : description.partitions().size()));
            }
            String policy = cleanupPolicy(admin, topic, deadline);
            if (!TopicConfig.CLEANUP_POLICY_COMPACT.equals(policy)) {
                throw new SchemaStoreException("Topic " + topic + " must have cleanup.policy=compact, it has " + policy);
            }
            awaitLeader(admin, new TopicPartition(topic, 0), deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaStoreException("Interrupted while preparing topic " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new SchemaStoreException("Cannot prepare topic " + topic + " on " + config.bootstrapServers()
                    + ": " + e.getMessage(), e);
        }
    }

    /** @return the description, or null when the topic does not exist */
    private static TopicDescription describe(Admin admin, String topic, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(remaining(deadline), TimeUnit.NANOSECONDS)
                    .get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw e;
        }
    }

    /** Metadata of a topic just created reaches the broker's cache a moment later, more so on a loaded machine. */
    private static TopicDescription awaitCreated(Admin admin, String topic, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        TopicDescription description = describe(admin, topic, deadline);
        while (description == null && remaining(deadline) > 0) {
            Thread.sleep(50);
            description = describe(admin, topic, deadline);
        }
        return description;
    }

    private static void create(Admin admin, KafkaSchemaStoreConfig config, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        NewTopic topic = new NewTopic(config.topic(), 1, config.replicationFactor())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(topic)).all().get(remaining(deadline), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e; // someone else creating it meanwhile is fine
            }
        }
    }

    private static String cleanupPolicy(Admin admin, String topic, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(Set.of(resource)).all().get(remaining(deadline), TimeUnit.NANOSECONDS)
                .get(resource);
        return config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    }

    /** A freshly created partition may not accept writes yet: wait until it answers an offset request. */
    private static void awaitLeader(Admin admin, TopicPartition partition, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        while (true) {
            try {
                admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all()
                        .get(Math.min(remaining(deadline), TimeUnit.SECONDS.toNanos(5)), TimeUnit.NANOSECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                if (remaining(deadline) <= 0) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }
}
