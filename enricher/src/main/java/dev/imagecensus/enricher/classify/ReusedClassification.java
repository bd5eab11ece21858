package dev.imagecensus.enricher.classify;

import dev.imagecensus.schemas.avro.FipsEvidence;
import dev.imagecensus.schemas.avro.FipsStatus;
import dev.imagecensus.schemas.avro.ImageClassification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One reference's classification reused for another reference to the same manifest digest. Everything read from
 * the image's bytes carries over; what the old name claimed does not: the FIPS claim of the name ("fips" in it) is
 * made again for the new reference, and the FIPS status follows the evidence as {@link Classifier} decides it.
 * Otherwise {@code alpine:1} and {@code app-fips:1} of the same digest would share whichever answer came first.
 */
public final class ReusedClassification {

    private static final String NAME_CLAIM = "image-name";

    private ReusedClassification() {
    }

    public static ImageClassification forReference(ImageClassification known, String reference, Instant checkedAt) {
        List<FipsEvidence> evidence = new ArrayList<>();
        FipsClaims.of(reference, Map.of()).forEach(item -> evidence.add(ClassificationAvro.evidence(item)));
        known.getFipsEvidence().stream().filter(e -> !NAME_CLAIM.contentEquals(e.getKind())).forEach(evidence::add);
        evidence.sort(Comparator.comparing(FipsEvidence::getStrength)); // stable: name claim before label claims
        FipsStatus fips = evidence.isEmpty() ? withoutEvidence(known)
                : FipsStatus.valueOf(evidence.get(0).getStrength().name());
        return ImageClassification.newBuilder(known).setImage(reference).setExistenceCheckedAt(checkedAt)
                .setFips(fips).setFipsEvidence(evidence).build();
    }

    /**
     * The classifier's answer without evidence: UNKNOWN when the scan left a gap, else NOT_DETECTED. A status
     * that only the old name's claim raised to CLAIMED has no other note than that gap, if any.
     */
    private static FipsStatus withoutEvidence(ImageClassification known) {
        if (known.getFips() == FipsStatus.NOT_DETECTED || known.getFips() == FipsStatus.UNKNOWN) {
            return known.getFips();
        }
        return known.getFipsNote() == null ? FipsStatus.NOT_DETECTED : FipsStatus.UNKNOWN;
    }
}
