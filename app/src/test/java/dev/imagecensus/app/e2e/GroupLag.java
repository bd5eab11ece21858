package dev.imagecensus.app.e2e;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether the streams apps have processed and committed all their input: for each application id, the committed
 * offset of every partition of its source topics (the given ones and its own repartition topics) against the end.
 * Under exactly-once the output of everything committed is committed too, so once there is no lag nothing more is
 * on its way to the audit topic.
 */
final class GroupLag implements AutoCloseable {

    private final Admin admin;

    GroupLag(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }

    /** Empty when {@code applicationId} has no lag on {@code sourceTopics} and its repartition topics; else the lag. */
    String problem(String applicationId, List<String> sourceTopics) throws InterruptedException {
        try {
            List<String> topics = new ArrayList<>(sourceTopics);
            admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith(applicationId + "-") && t.endsWith("-repartition"))
                    .forEach(topics::add);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((name, d) ->
                    d.partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            StringBuilder lag = new StringBuilder();
            admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((tp, end) -> {
                OffsetAndMetadata at = committed.get(tp);
                long position = at == null ? 0 : at.offset();
                if (position < end.offset()) {
                    lag.append(' ').append(tp).append(" at ").append(position).append('/').append(end.offset());
                }
            });
            return lag.isEmpty() ? "" : applicationId + " lags:" + lag;
        } catch (ExecutionException | TimeoutException e) {
            return applicationId + ": cannot read offsets: " + e;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
