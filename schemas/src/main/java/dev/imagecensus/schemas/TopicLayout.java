package dev.imagecensus.schemas;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * How the product's topics are laid out on a cluster: partitions and the retention policy DESIGN.md gives each
 * (compacted state topics, 30-day audit). Used by {@code image-census local} and by tests to create them.
 */
public final class TopicLayout {

    static final Duration AUDIT_RETENTION = Duration.ofDays(30);

    private TopicLayout() {
    }

    /** Every product topic with its policy, {@code partitions} each (replication: the broker's default). */
    public static List<NewTopic> all(int partitions) {
        return List.of(
                compacted(Topics.IMAGE_EVENTS, partitions),
                compacted(Topics.IMAGE_CLASSIFICATIONS, partitions),
                compacted(Topics.IMAGE_INVENTORY, partitions),
                deleted(Topics.IMAGE_AUDIT, partitions, AUDIT_RETENTION),
                deleted(Topics.DEAD_LETTERS, partitions, null));
    }

    private static NewTopic compacted(String name, int partitions) {
        return new NewTopic(name, Optional.of(partitions), Optional.empty())
                .configs(Map.of("cleanup.policy", "compact"));
    }

    private static NewTopic deleted(String name, int partitions, Duration retention) {
        NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.empty());
        return retention == null
                ? topic.configs(Map.of("cleanup.policy", "delete"))
                : topic.configs(Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(retention.toMillis())));
    }
}
