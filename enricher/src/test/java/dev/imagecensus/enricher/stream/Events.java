package dev.imagecensus.enricher.stream;

import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.avro.ImageEventType;
import dev.imagecensus.schemas.reference.ImageReference;
import dev.imagecensus.schemas.reference.ReferenceParseResult;
import java.time.Instant;

/** Image events as the watcher writes them (key {@code cluster/podUid/container}). */
final class Events {

    private Events() {
    }

    /** The key of container {@code name} in pod {@code pod}. */
    static String key(String pod, String name) {
        return "prod/" + pod + "-uid/" + name;
    }

    static ImageEvent added(String pod, String name, String image) {
        return event(ImageEventType.ADDED, pod, name, image);
    }

    static ImageEvent updated(String pod, String name, String image) {
        return event(ImageEventType.UPDATED, pod, name, image);
    }

    static ImageEvent deleted(String pod, String name, String image) {
        return event(ImageEventType.DELETED, pod, name, image);
    }

    /** The canonical form of {@code image}, the key the enricher uses. */
    static String ref(String image) {
        return ImageReference.parse(image).canonical();
    }

    private static ImageEvent event(ImageEventType type, String pod, String name, String image) {
        ReferenceParseResult parsed = ImageReference.tryParse(image);
        return ImageEvent.newBuilder()
                .setType(type)
                .setCluster("prod")
                .setNamespace("default")
                .setPodName(pod)
                .setPodUid(pod + "-uid")
                .setContainer(name)
                .setImage(image)
                .setImageRef(parsed instanceof ReferenceParseResult.Valid valid ? valid.reference().canonical() : null)
                .setInvalidReason(parsed instanceof ReferenceParseResult.Invalid invalid ? invalid.reason() : null)
                .setPhase("Running")
                .setObservedAt(Instant.now())
                .build();
    }
}
