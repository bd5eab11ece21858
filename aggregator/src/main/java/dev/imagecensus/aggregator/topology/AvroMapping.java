package dev.imagecensus.aggregator.topology;

import dev.imagecensus.aggregator.domain.AuditEntry;
import dev.imagecensus.aggregator.domain.Classification;
import dev.imagecensus.aggregator.domain.Fips;
import dev.imagecensus.aggregator.domain.LiveContainer;
import dev.imagecensus.schemas.avro.AuditAction;
import dev.imagecensus.schemas.avro.Distro;
import dev.imagecensus.schemas.avro.FipsEvidence;
import dev.imagecensus.schemas.avro.ImageAudit;
import dev.imagecensus.schemas.avro.ImageClassification;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.avro.ImageEventType;
import dev.imagecensus.schemas.avro.Platform;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Maps the Avro contract types to the domain's records and back, at the topology's edges. */
final class AvroMapping {

    private AvroMapping() {
    }

    /** The live container an event describes; null (a removal) for DELETED and for tombstones. */
    static LiveContainer container(ImageEvent event) {
        if (event == null || event.getType() == ImageEventType.DELETED) {
            return null;
        }
        return new LiveContainer(event.getCluster(), event.getNamespace(), event.getPodName(), event.getPodUid(),
                event.getContainer(), event.getContainerType().name(), event.getImage(), event.getImageRef(),
                event.getDigest(), event.getPhase(), event.getOwnerKind(), event.getOwnerName(),
                millis(event.getObservedAt()));
    }

    static Classification classification(ImageClassification c) {
        if (c == null) {
            return null;
        }
        Platform platform = c.getPlatform();
        Distro distro = c.getDistro();
        return new Classification(c.getImage(), c.getExistence().name(), millis(c.getExistenceCheckedAt()),
                c.getManifestDigest(),
                platform == null ? null : platform.getOs(),
                platform == null ? null : platform.getArchitecture(),
                c.getDistroStatus().name(),
                distro == null ? null : distro.getId(),
                distro == null ? null : distro.getVersion(),
                distro == null ? null : distro.getName(),
                Fips.of(c.getFips().name()), evidence(c.getFipsEvidence()), c.getPartial(), millis(c.getClassifiedAt()));
    }

    /** {@code STRENGTH kind[ path]} items, strongest first, {@code ; }-separated; null when there is none. */
    static String evidence(List<FipsEvidence> evidence) {
        if (evidence == null || evidence.isEmpty()) {
            return null;
        }
        return evidence.stream()
                .sorted(Comparator.comparing(FipsEvidence::getStrength))
                .map(e -> e.getStrength() + " " + e.getKind() + (e.getPath() == null ? "" : " " + e.getPath()))
                .collect(Collectors.joining("; "));
    }

    static ImageAudit audit(AuditEntry entry) {
        return ImageAudit.newBuilder()
                .setImage(entry.image())
                .setAction(AuditAction.valueOf(entry.action().name()))
                .setAt(Instant.ofEpochMilli(entry.at()))
                .setCluster(entry.cluster())
                .setNamespace(entry.namespace())
                .setPod(entry.pod())
                .setDigest(entry.digest())
                .build();
    }

    private static long millis(Instant instant) {
        return instant == null ? 0L : instant.toEpochMilli();
    }
}
