package dev.imagecensus.aggregator.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.aggregator.AggregatorStores;
import dev.imagecensus.aggregator.InventoryListener;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class AggregatorTopologyTest {

    @Test
    void shouldNameEveryProcessorStoreAndInternalTopicWhenBuiltWithExplicitNamingEnforced() {
        // Given the production configuration (ensure.explicit.internal.resource.naming=true) and a listener
        try (TopologyFixture fixture = TopologyFixture.start()) {
            // When the topology is built with every optional branch wired
            TopologyDescription description = AggregatorTopology
                    .build(fixture.topics, fixture.config, new InventoryListener() { })
                    .describe();

            // Then nothing carries a generated name and every documented store exists
            List<String> names = new ArrayList<>();
            List<String> stores = new ArrayList<>();
            for (TopologyDescription.Subtopology sub : description.subtopologies()) {
                for (TopologyDescription.Node node : sub.nodes()) {
                    names.add(node.name());
                    if (node instanceof TopologyDescription.Processor processor) {
                        stores.addAll(processor.stores());
                    }
                }
            }
            assertThat(names).noneMatch(name -> name.matches("(KSTREAM|KTABLE)-.*-\\d{10}"));
            assertThat(description.toString()).doesNotContain("-000000");
            assertThat(stores).contains(AggregatorStores.LIVE_CONTAINERS, AggregatorStores.CLASSIFICATIONS,
                    AggregatorStores.IMAGE_USAGE, AggregatorStores.IMAGE_STATE, AggregatorStores.AUDIT_STATE,
                    AggregatorStores.INVALID_REFERENCES,
                    AggregatorStores.POD_STATE, AggregatorStores.WORKLOAD_STATE);
        }
    }
}
