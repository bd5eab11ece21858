package dev.imagecensus.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.embedded.kafka.FreePorts;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code image-census local}'s stack: owns its broker (it is what is under test), so it does not use the shared one. */
class LocalStackIT {

    @Test
    void shouldCreateEveryTopicWithItsPolicyWhenStarted(@TempDir Path dataDir) throws Exception {
        try (LocalStack stack = LocalStack.start(settings(dataDir))) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get()).contains("image-events", "image-classifications",
                        "image-inventory", "image-audit", "image-census-dlq", "_schemas");
                assertThat(cleanupPolicy(admin, "image-events")).isEqualTo("compact");
                assertThat(cleanupPolicy(admin, "image-inventory")).isEqualTo("compact");
                assertThat(cleanupPolicy(admin, "image-audit")).isEqualTo("delete");
                assertThat(config(admin, "image-audit").get("retention.ms").value())
                        .isEqualTo(String.valueOf(30L * 24 * 3600 * 1000));
            }
        }
    }

    @Test
    void shouldComeBackWithTheSameSchemaIdsWhenRestartedOnTheSameDataDir(@TempDir Path dataDir) {
        LocalStack.Settings settings = settings(dataDir);
        int id;
        try (LocalStack stack = LocalStack.start(settings);
             SchemaRegistryClient client = client(stack.schemaRegistryUrl())) {
            id = client.register("image-events-value", ImageEvent.getClassSchema());
        }

        try (LocalStack restarted = LocalStack.start(settings);
             SchemaRegistryClient client = client(restarted.schemaRegistryUrl())) {
            assertThat(client.subjects()).contains("image-events-value");
            assertThat(client.schemaById(id)).isEqualTo(ImageEvent.getClassSchema());
            assertThat(client.register("image-events-value", ImageEvent.getClassSchema())).isEqualTo(id);
        }
    }

    private static LocalStack.Settings settings(Path dataDir) {
        return new LocalStack.Settings("127.0.0.1", FreePorts.pick(), FreePorts.pick(), dataDir);
    }

    private static SchemaRegistryClient client(String url) {
        return HttpSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", url));
    }

    private static String cleanupPolicy(Admin admin, String topic) throws Exception {
        return config(admin, topic).get("cleanup.policy").value();
    }

    private static Config config(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource);
    }
}
