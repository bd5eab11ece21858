package dev.imagecensus.enricher.stream;

import dev.imagecensus.enricher.IgnoredImages;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.avro.ImageEventType;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns container events (key {@code cluster/podUid/container}) into per-image usage deltas (+1 / -1 keyed by
 * image), remembering each container's current image in a changelogged store so image changes in place,
 * duplicates, DELETED and tombstones all stay exact. Invalid references are keyed by the reference as written.
 */
final class UsageDeltaProcessor implements Processor<String, ImageEvent, String, Integer> {

    private final IgnoredImages ignored;
    private ProcessorContext<String, Integer> context;
    private KeyValueStore<String, String> containerImages;

    UsageDeltaProcessor(IgnoredImages ignored) {
        this.ignored = ignored;
    }

    @Override
    public void init(ProcessorContext<String, Integer> context) {
        this.context = context;
        this.containerImages = context.getStateStore(EnricherTopology.CONTAINER_IMAGES_STORE);
    }

    @Override
    public void process(Record<String, ImageEvent> record) {
        if (record.key() == null) {
            return;
        }
        String previous = containerImages.get(record.key());
        String current = imageOf(record.value());
        if (Objects.equals(previous, current)) {
            return;
        }
        if (previous != null) {
            context.forward(record.withKey(previous).withValue(-1));
        }
        if (current == null) {
            containerImages.delete(record.key());
        } else {
            containerImages.put(record.key(), current);
            context.forward(record.withKey(current).withValue(1));
        }
    }

    /** The image key this event counts under, or null when it counts under none (gone, ignored). */
    private String imageOf(ImageEvent event) {
        if (event == null || event.getType() == ImageEventType.DELETED) {
            return null;
        }
        String key = event.getImageRef() != null ? event.getImageRef() : event.getImage();
        return ignored.matches(event.getImage(), event.getImageRef()) ? null : key;
    }
}
