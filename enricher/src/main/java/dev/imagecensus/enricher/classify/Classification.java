package dev.imagecensus.enricher.classify;

import dev.imagecensus.schemas.avro.DistroStatus;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.FipsStatus;
import java.time.Instant;
import java.util.List;

/**
 * What {@link Classifier} concluded about one reference; field for field the Avro {@code ImageClassification}
 * ({@link ClassificationAvro#toAvro(Classification)}).
 *
 * @param distro       null unless {@code distroStatus} is DETECTED
 * @param fipsEvidence every item found, strongest first
 * @param fipsNote     caveats: the host-kernel requirement, an incomplete scan; null when none
 */
public record Classification(String image, Existence existence, Instant existenceCheckedAt, String manifestDigest,
                             String mediaType, PlatformSpec platform, List<String> platforms,
                             DistroStatus distroStatus, DistroInfo distro, FipsStatus fips,
                             List<FipsEvidenceItem> fipsEvidence, String fipsNote, int layers, Long compressedBytes,
                             boolean partial, String partialReason, String error, Instant classifiedAt) {

    public Classification {
        platforms = List.copyOf(platforms);
        fipsEvidence = List.copyOf(fipsEvidence);
    }
}
