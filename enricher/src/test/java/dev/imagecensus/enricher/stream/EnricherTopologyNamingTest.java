package dev.imagecensus.enricher.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistry;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistryConfig;
import dev.imagecensus.enricher.EnricherConfig;
import dev.imagecensus.enricher.inspect.ImageInspector;
import dev.imagecensus.schemas.Topics;
import dev.imagecensus.schemas.avro.ImageClassification;
import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class EnricherTopologyNamingTest {

    private static final ImageInspector UNUSED = new ImageInspector() {
        @Override
        public Resolution resolve(String reference) {
            throw new AssertionError("not called");
        }

        @Override
        public ImageClassification inspect(String reference) {
            throw new AssertionError("not called");
        }
    };

    @Test
    void shouldNameEveryProcessorStoreAndRepartitionTopicWhenBuilt() {
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(EmbeddedSchemaRegistryConfig.inMemory());
             InspectionService service = new InspectionService(UNUSED, 1, 1, Clock.systemUTC())) {
            EnricherConfig config = EnricherConfig.defaults("unused:9092", registry.url(), "/tmp/unused");
            SchemaRegistryClient client = HttpSchemaRegistryClient.fromConfig(config.serdeProperties());
            Topics topics = Topics.builder(client).build();

            TopologyDescription description = EnricherTopology.build(topics, config, service).describe();

            List<String> names = new ArrayList<>();
            List<String> stores = new ArrayList<>();
            description.subtopologies().forEach(sub -> sub.nodes().forEach(node -> {
                names.add(node.name());
                if (node instanceof TopologyDescription.Processor processor) {
                    stores.addAll(processor.stores());
                }
            }));
            assertThat(description.toString()).doesNotContain("-000000").contains("enricher-usage-by-image");
            assertThat(names).contains("enricher-image-events-source", "enricher-image-events-dead-letter-sink", "enricher-usage-deltas", "enricher-inspection",
                    "enricher-image-classifications");
            assertThat(stores).containsExactlyInAnyOrder(EnricherTopology.CONTAINER_IMAGES_STORE,
                    EnricherTopology.USAGE_STORE, EnricherTopology.PENDING_STORE, EnricherTopology.CLASSIFICATIONS_STORE,
                    EnricherTopology.BY_DIGEST_STORE);
            client.close();
        }
    }
}
