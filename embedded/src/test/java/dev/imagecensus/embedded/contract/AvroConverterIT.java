package dev.imagecensus.embedded.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.embedded.junit.StackExtension;
import dev.imagecensus.embedded.junit.TestStack;
import dev.imagecensus.schemas.avro.ImageInventory;
import dev.imagecensus.schemas.connect.AvroConverter;
import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import dev.imagecensus.schemas.serde.AvroDeserializer;
import dev.imagecensus.schemas.serde.AvroSerializer;
import dev.imagecensus.schemas.serde.WireFormat;
import java.util.Date;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a Kafka Connect sink sees of our topics, through our converter and the real registry. */
@ExtendWith(StackExtension.class)
class AvroConverterIT {

    @Test
    void shouldTurnInventoryIntoAFlatStructAndBackWhenConfiguredLikeAConnectWorker(TestStack stack) {
        String topic = stack.uniqueTopic("image-inventory");
        Map<String, Object> config = Map.of("schema.registry.url", stack.schemaRegistryUrl());
        ImageInventory inventory = SampleRecords.imageInventory();
        byte[] written;
        try (SchemaRegistryClient producerSide = HttpSchemaRegistryClient.fromConfig(config)) {
            written = new AvroSerializer<ImageInventory>(producerSide, config, false).serialize(topic, inventory);
        }

        AvroConverter converter = new AvroConverter();
        converter.configure(config, false);
        SchemaAndValue connect = converter.toConnectData(topic, written);

        assertThat(connect.schema().type()).isEqualTo(Schema.Type.STRUCT);
        assertThat(connect.schema().field("tag").schema().isOptional()).isTrue();
        assertThat(connect.schema().field("containers").schema().type()).isEqualTo(Schema.Type.INT32);
        Struct struct = (Struct) connect.value();
        assertThat(struct.getString("image")).isEqualTo("docker.io/library/nginx:1.27");
        assertThat(struct.getInt32("containers")).isEqualTo(12);
        assertThat(struct.getString("digest")).isNull();
        assertThat((Date) struct.get("updatedAt")).isEqualTo(Date.from(SampleRecords.NOW));

        // Writing back with the registered schema (not one derived from Connect) keeps the producer's schema id.
        AvroConverter writer = new AvroConverter();
        writer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl(),
                "auto.register.schemas", false, "use.latest.version", true), false);
        byte[] back = writer.fromConnectData(topic, connect.schema(), connect.value());
        writer.close();
        assertThat(WireFormat.parse(back, topic).schemaId()).isEqualTo(WireFormat.parse(written, topic).schemaId());
        try (SchemaRegistryClient consumerSide = HttpSchemaRegistryClient.fromConfig(config)) {
            AvroDeserializer<ImageInventory> deserializer = new AvroDeserializer<>(consumerSide, ImageInventory.class);
            deserializer.configure(config, false);
            assertThat(deserializer.deserialize(topic, back)).isEqualTo(inventory);
        }
        converter.close();
    }

    @Test
    void shouldPassTombstonesThroughAsNullWhenTheInventoryDropsAnImage(TestStack stack) {
        AvroConverter converter = new AvroConverter();
        converter.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);

        assertThat(converter.toConnectData("image-inventory", null)).isEqualTo(SchemaAndValue.NULL);
        assertThat(converter.fromConnectData("image-inventory", null, null)).isNull();
        converter.close();
    }
}
