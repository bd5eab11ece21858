package dev.imagecensus.schemas;

import dev.imagecensus.schemas.avro.DeadLetter;
import dev.imagecensus.schemas.avro.ImageAudit;
import dev.imagecensus.schemas.avro.ImageClassification;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.avro.ImageInventory;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import dev.imagecensus.schemas.serde.AvroSerde;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every image-census topic bound to its key and value serdes (see DESIGN.md "Topics and keys"): built once in
 * the composition root and passed to topologies, producers and consumers. Immutable; the value serdes share
 * the given {@link SchemaRegistryClient}, which the caller owns and closes.
 */
public final class Topics {

    public static final String IMAGE_EVENTS = "image-events";
    public static final String IMAGE_CLASSIFICATIONS = "image-classifications";
    public static final String IMAGE_INVENTORY = "image-inventory";
    public static final String IMAGE_AUDIT = "image-audit";
    public static final String DEAD_LETTERS = "image-census-dlq";

    /** Kafka's legal topic names. */
    private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    /** One topic: its name and the serdes of its keys and values. */
    public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
        public Topic {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(keySerde, "keySerde");
            Objects.requireNonNull(valueSerde, "valueSerde");
        }
    }

    private final Topic<String, ImageEvent> imageEvents;
    private final Topic<String, ImageClassification> imageClassifications;
    private final Topic<String, ImageInventory> imageInventory;
    private final Topic<String, ImageAudit> imageAudit;
    private final Topic<String, DeadLetter> deadLetters;

    private Topics(Builder builder) {
        this.imageEvents = builder.topic(IMAGE_EVENTS, ImageEvent.class);
        this.imageClassifications = builder.topic(IMAGE_CLASSIFICATIONS, ImageClassification.class);
        this.imageInventory = builder.topic(IMAGE_INVENTORY, ImageInventory.class);
        this.imageAudit = builder.topic(IMAGE_AUDIT, ImageAudit.class);
        this.deadLetters = builder.topic(DEAD_LETTERS, DeadLetter.class);
    }

    /**
     * The production names, value serdes configured from {@code serdeConfig} ({@code auto.register.schemas},
     * {@code use.latest.version}; registry connection keys are ignored since {@code client} is given).
     */
    public static Topics create(SchemaRegistryClient client, Map<String, ?> serdeConfig) {
        return builder(client).serdeConfig(serdeConfig).build();
    }

    public static Builder builder(SchemaRegistryClient client) {
        return new Builder(client);
    }

    /** Container image events; key {@code cluster/podUid/container}. */
    public Topic<String, ImageEvent> imageEvents() {
        return imageEvents;
    }

    /** Registry findings per image; key canonical image reference. */
    public Topic<String, ImageClassification> imageClassifications() {
        return imageClassifications;
    }

    /** Current per-image state; key canonical image reference. */
    public Topic<String, ImageInventory> imageInventory() {
        return imageInventory;
    }

    /** Images entering and leaving; key canonical image reference. */
    public Topic<String, ImageAudit> imageAudit() {
        return imageAudit;
    }

    /** Records a service could not process; key the original key. */
    public Topic<String, DeadLetter> deadLetters() {
        return deadLetters;
    }

    public List<Topic<?, ?>> all() {
        return List.of(imageEvents, imageClassifications, imageInventory, imageAudit, deadLetters);
    }

    @Override
    public String toString() {
        return "Topics" + all().stream().map(Topic::name).toList();
    }

    /** Options for {@link Topics}: serde settings and a name prefix/suffix (e.g. per-test or per-tenant names). */
    public static final class Builder {

        private final SchemaRegistryClient client;
        private Map<String, ?> serdeConfig = Map.of();
        private String prefix = "";
        private String suffix = "";

        private Builder(SchemaRegistryClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        public Builder serdeConfig(Map<String, ?> serdeConfig) {
            this.serdeConfig = Map.copyOf(Objects.requireNonNull(serdeConfig, "serdeConfig"));
            return this;
        }

        /** Prepended to every topic name, e.g. {@code "test-42."}; subjects follow ({@code test-42.image-events-value}). */
        public Builder prefix(String prefix) {
            this.prefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** Appended to every topic name. */
        public Builder suffix(String suffix) {
            this.suffix = Objects.requireNonNull(suffix, "suffix");
            return this;
        }

        /** @throws IllegalArgumentException when prefix or suffix make an illegal Kafka topic name */
        public Topics build() {
            return new Topics(this);
        }

        private <V extends SpecificRecord> Topic<String, V> topic(String base, Class<V> type) {
            String name = prefix + base + suffix;
            if (!LEGAL_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("illegal topic name \"" + name + "\": Kafka allows 1-249 of [a-zA-Z0-9._-]");
            }
            AvroSerde<V> valueSerde = new AvroSerde<>(client, type);
            valueSerde.configure(serdeConfig, false);
            return new Topic<>(name, Serdes.String(), valueSerde);
        }
    }
}
