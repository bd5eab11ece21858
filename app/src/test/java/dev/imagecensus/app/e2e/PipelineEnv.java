package dev.imagecensus.app.e2e;

import dev.imagecensus.aggregator.Aggregator;
import dev.imagecensus.aggregator.AggregatorConfig;
import dev.imagecensus.embedded.kafka.TopicAdmin;
import dev.imagecensus.enricher.Enricher;
import dev.imagecensus.enricher.EnricherConfig;
import dev.imagecensus.enricher.RegistrySettings;
import dev.imagecensus.schemas.TopicLayout;
import dev.imagecensus.schemas.Topics;
import dev.imagecensus.watcher.KubeAccess;
import dev.imagecensus.watcher.Watcher;
import dev.imagecensus.watcher.WatcherConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Where one e2e pipeline runs and how each of its services is started, the same in this JVM and in a child JVM
 * ({@link ServiceMain}): Kafka, schema registry, a topic prefix unique to the test (its application ids follow),
 * the cluster's kubeconfig, a state directory per service, the plain-HTTP image registry and the aggregator's port.
 */
record PipelineEnv(String bootstrapServers, String schemaRegistryUrl, String prefix, String cluster, Path kubeconfig,
                   Path stateDir, String imageRegistry, int aggregatorPort) {

    static final int PARTITIONS = 4;
    /**
     * A killed streams instance is noticed only when its group session times out: 6 s (the broker's minimum) instead
     * of the default 45 s, so a restarted instance gets its partitions back quickly.
     */
    static final Map<String, String> FAST_FAILOVER = Map.of("session.timeout.ms", "6000", "heartbeat.interval.ms", "1500");

    /** Creates the product's topics under this prefix, with the production layout. */
    void createTopics() {
        List<NewTopic> topics = TopicLayout.all(PARTITIONS).stream()
                .map(t -> new NewTopic(prefix + t.name(), Optional.of(t.numPartitions()), Optional.empty())
                        .configs(t.configs()))
                .toList();
        TopicAdmin.createAndAwait(bootstrapServers, topics);
    }

    String topic(String base) {
        return prefix + base;
    }

    String enricherId() {
        return prefix + "enricher";
    }

    String aggregatorId() {
        return prefix + "aggregator";
    }

    String aggregatorUrl() {
        return "http://127.0.0.1:" + aggregatorPort;
    }

    UnaryOperator<Topics.Builder> topicNames() {
        return b -> b.prefix(prefix);
    }

    Watcher startWatcher() throws IOException {
        return Watcher.start(WatcherConfig.builder()
                .cluster(cluster)
                .kubeAccess(KubeAccess.kubeconfig(kubeconfig, null))
                .topic(topic(Topics.IMAGE_EVENTS))
                .bootstrapServers(bootstrapServers)
                .schemaRegistryUrl(schemaRegistryUrl)
                .httpPort(0)
                .build(), line -> { });
    }

    Enricher startEnricher() {
        EnricherConfig config = EnricherConfig.defaults(bootstrapServers, schemaRegistryUrl,
                        stateDir.resolve("enricher").toString())
                .withApplicationId(enricherId())
                .withStreamsOverrides(FAST_FAILOVER)
                .withHttpPort(0);
        return Enricher.start(config, RegistrySettings.defaults().withInsecureRegistries(Set.of(imageRegistry)),
                topicNames());
    }

    Aggregator startAggregator() {
        AggregatorConfig.Builder config = AggregatorConfig.builder();
        FAST_FAILOVER.forEach(config::kafkaProperty);
        return Aggregator.start(config
                .applicationId(aggregatorId())
                .bootstrapServers(bootstrapServers)
                .schemaRegistryUrl(schemaRegistryUrl)
                .stateDir(stateDir.resolve("aggregator"))
                .httpPort(aggregatorPort)
                .clusterName(cluster)
                .build(), topicNames());
    }

    /** As {@code key=value} arguments for {@link ServiceMain}. */
    List<String> toArgs() {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("bootstrapServers", bootstrapServers);
        args.put("schemaRegistryUrl", schemaRegistryUrl);
        args.put("prefix", prefix);
        args.put("cluster", cluster);
        args.put("kubeconfig", kubeconfig.toString());
        args.put("stateDir", stateDir.toString());
        args.put("imageRegistry", imageRegistry);
        args.put("aggregatorPort", String.valueOf(aggregatorPort));
        return args.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    static PipelineEnv fromArgs(List<String> args) {
        Map<String, String> m = new LinkedHashMap<>();
        args.forEach(a -> m.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1)));
        return new PipelineEnv(m.get("bootstrapServers"), m.get("schemaRegistryUrl"), m.get("prefix"), m.get("cluster"),
                Path.of(m.get("kubeconfig")), Path.of(m.get("stateDir")), m.get("imageRegistry"),
                Integer.parseInt(m.get("aggregatorPort")));
    }
}
