package dev.imagecensus.aggregator.topology;

import dev.imagecensus.aggregator.domain.ImageState;
import dev.imagecensus.aggregator.domain.InventoryRows;
import dev.imagecensus.schemas.avro.ImageInventory;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Per-image state changes to inventory rows; a removed image becomes a tombstone. Stamps the change's time. */
final class InventoryRowProcessor implements FixedKeyProcessor<String, ImageState, ImageInventory> {

    private FixedKeyProcessorContext<String, ImageInventory> context;

    @Override
    public void init(FixedKeyProcessorContext<String, ImageInventory> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, ImageState> record) {
        context.forward(record.withValue(InventoryRows.row(record.key(), record.value(), record.timestamp())));
    }
}
