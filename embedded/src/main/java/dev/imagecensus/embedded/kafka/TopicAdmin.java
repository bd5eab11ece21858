package dev.imagecensus.embedded.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates topics and waits until every partition has a leader that answers offset requests: a freshly created
 * topic once lost a first idempotent batch under load when produced to immediately.
 */
public final class TopicAdmin {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TopicAdmin() {
    }

    /** Creates the topics that do not exist yet (existing ones are left as they are) and waits for them. */
    public static void createAndAwait(String bootstrapServers, Collection<NewTopic> topics) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + entry.getKey(), e.getCause());
                    }
                }
            }
            awaitLeaders(admin, topics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out creating topics " + names(topics), e);
        }
    }

    public static void createAndAwait(String bootstrapServers, NewTopic... topics) {
        createAndAwait(bootstrapServers, List.of(topics));
    }

    private static void awaitLeaders(Admin admin, Collection<NewTopic> topics) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (var description : describe(admin, topics).values()) {
            description.partitions().forEach(p ->
                    request.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest()));
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                admin.listOffsets(request).all().get(5, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Partitions of " + names(topics) + " have no leader after " + TIMEOUT, e);
                }
                Thread.sleep(50);
            }
        }
    }

    private static Map<String, org.apache.kafka.clients.admin.TopicDescription> describe(
            Admin admin, Collection<NewTopic> topics) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                return admin.describeTopics(names(topics)).allTopicNames().get(5, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Cannot describe topics " + names(topics), e);
                }
                Thread.sleep(50);
            }
        }
    }

    private static List<String> names(Collection<NewTopic> topics) {
        return topics.stream().map(NewTopic::name).toList();
    }
}
