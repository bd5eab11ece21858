package dev.imagecensus.aggregator.topology;

import dev.imagecensus.aggregator.InventoryListener;
import dev.imagecensus.aggregator.domain.Classification;
import dev.imagecensus.aggregator.domain.ImageState;
import dev.imagecensus.aggregator.domain.ImageUsage;
import dev.imagecensus.aggregator.domain.LiveContainer;
import dev.imagecensus.schemas.Topics;
import dev.imagecensus.schemas.avro.ImageAudit;
import dev.imagecensus.schemas.avro.ImageInventory;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/** Per-image flows: usage, audit, usage ⋈ classification, inventory rows, invalid references. */
final class ImageFlows {

    private ImageFlows() {
    }

    /**
     * Live containers with a valid reference, grouped by canonical reference; the adder and subtractor apply each
     * container change exactly once, so an image changed in place moves one container from the old image to the
     * new one. Caching is off: every change reaches the audit, and the audit can retire zero-container entries.
     */
    static KTable<String, ImageUsage> usage(KTable<String, LiveContainer> containers) {
        return containers
                .filter((key, container) -> container.validReference(), Named.as("live-containers-valid-reference"))
                .groupBy((key, container) -> KeyValue.pair(container.imageRef(), container),
                        Grouped.with(Names.CONTAINERS_BY_IMAGE, StateSerdes.KEY, StateSerdes.CONTAINER))
                .aggregate(() -> ImageUsage.NONE,
                        (image, container, usage) -> usage.plus(container),
                        (image, container, usage) -> usage.minus(container),
                        Named.as("image-usage-aggregate"),
                        Tables.store(Names.IMAGE_USAGE, StateSerdes.USAGE).withCachingDisabled());
    }

    /** ENTERED / LEFT to {@code image-audit}, decided against the {@code image-audit-state} store. */
    static void audit(StreamsBuilder builder, KTable<String, ImageUsage> usage, Topics.Topic<String, ImageAudit> topic,
                      InventoryListener listener) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Names.AUDIT_STATE), StateSerdes.KEY, StateSerdes.AUDIT_MARK));
        usage.toStream(Named.as("image-usage-changes"))
                .processValues(() -> new AuditProcessor(listener), Named.as("image-audit"),
                        Names.AUDIT_STATE, Names.IMAGE_USAGE)
                .to(topic.name(), Produced.with(topic.keySerde(), topic.valueSerde()).withName("image-audit-sink"));
    }

    /** Images in use joined with their classification (left join: unclassified images are kept). */
    static KTable<String, ImageState> state(KTable<String, ImageUsage> usage,
                                            KTable<String, Classification> classifications) {
        return usage
                .filter((image, value) -> value.inUse(), Named.as("image-usage-in-use"))
                .leftJoin(classifications, ImageState::join, Named.as("image-state-join"),
                        Tables.store(Names.IMAGE_STATE, StateSerdes.IMAGE_STATE));
    }

    /** Per-image state changes as {@code image-inventory} rows; a tombstone when the image is no longer used. */
    static KStream<String, ImageState> inventory(KTable<String, ImageState> state,
                                                 Topics.Topic<String, ImageInventory> topic) {
        KStream<String, ImageState> changes = state.toStream(Named.as("image-state-changes"));
        changes.processValues(InventoryRowProcessor::new, Named.as("image-inventory-rows"))
                .to(topic.name(), Produced.with(topic.keySerde(), topic.valueSerde()).withName("image-inventory-sink"));
        return changes;
    }

    /**
     * Live containers whose image reference is invalid, counted per reference as written. They have no canonical
     * key, so they take no part in image usage, inventory, audit or classification; this table keeps them visible.
     */
    static KTable<String, Integer> invalidReferences(KTable<String, LiveContainer> containers) {
        return containers
                .filter((key, container) -> !container.validReference(), Named.as("live-containers-invalid-reference"))
                .groupBy((key, container) -> KeyValue.pair(container.image(), container),
                        Grouped.with(Names.INVALID_BY_IMAGE, StateSerdes.KEY, StateSerdes.CONTAINER))
                .aggregate(() -> 0,
                        (image, container, count) -> count + 1,
                        (image, container, count) -> count <= 1 ? null : count - 1,
                        Named.as("invalid-references-aggregate"),
                        Tables.store(Names.INVALID_REFERENCES, StateSerdes.COUNT));
    }
}
