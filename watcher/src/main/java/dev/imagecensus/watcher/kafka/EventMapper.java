package dev.imagecensus.watcher.kafka;

import dev.imagecensus.schemas.avro.ContainerType;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.avro.ImageEventType;
import dev.imagecensus.schemas.reference.ImageIds;
import dev.imagecensus.schemas.reference.ImageReference;
import dev.imagecensus.schemas.reference.ReferenceParseResult;
import dev.imagecensus.watcher.inventory.Change;
import dev.imagecensus.watcher.inventory.ContainerRecord;
import dev.imagecensus.watcher.inventory.PodFacts;
import dev.imagecensus.watcher.model.ContainerKind;
import dev.imagecensus.watcher.model.OwnerRef;
import java.time.Instant;

/**
 * Maps between the watcher's records and the {@code ImageEvent} contract. The canonical reference, its validity
 * and the digest are derived here: an invalid reference becomes {@code imageRef = null} with the parser's reason,
 * never an exception.
 */
public final class EventMapper {

    private EventMapper() {
    }

    /** The record key: {@code cluster/podUid/container}. */
    public static String key(String cluster, ContainerRecord record) {
        return cluster + "/" + record.pod().uid() + "/" + record.name();
    }

    public static ImageEvent toEvent(String cluster, Change change, Instant observedAt) {
        ContainerRecord r = change.record();
        PodFacts pod = r.pod();
        ReferenceParseResult parsed = ImageReference.tryParse(r.image());
        return ImageEvent.newBuilder()
                .setType(ImageEventType.valueOf(change.type().name()))
                .setCluster(cluster)
                .setNamespace(pod.namespace())
                .setPodName(pod.name())
                .setPodUid(pod.uid())
                .setContainer(r.name())
                .setContainerType(ContainerType.valueOf(r.kind().name()))
                .setImage(r.image())
                .setImageRef(parsed instanceof ReferenceParseResult.Valid v ? v.reference().canonical() : null)
                .setInvalidReason(parsed instanceof ReferenceParseResult.Invalid i ? i.reason() : null)
                .setImageId(r.imageId())
                .setDigest(ImageIds.digestOf(r.imageId()).orElse(null))
                .setPhase(pod.phase())
                .setOwnerKind(pod.owner().kind())
                .setOwnerName(pod.owner().name())
                .setNodeName(pod.nodeName())
                .setResourceVersion(pod.resourceVersion())
                .setObservedAt(observedAt)
                .build();
    }

    /** The published record an event stands for (used when reading {@code image-events} back). */
    public static ContainerRecord toRecord(ImageEvent event) {
        PodFacts pod = new PodFacts(event.getPodUid(), event.getNamespace(), event.getPodName(), event.getPhase(),
                event.getNodeName(), event.getResourceVersion(), new OwnerRef(event.getOwnerKind(), event.getOwnerName()));
        return new ContainerRecord(pod, event.getContainer(), ContainerKind.valueOf(event.getContainerType().name()),
                event.getImage(), event.getImageId());
    }
}
