package dev.imagecensus.app.inventory;

import dev.imagecensus.schemas.avro.ImageClassification;

/** The enricher's classification in the words the aggregator uses for it (the same distro vocabulary). */
public final class ClassificationFacts {

    private ClassificationFacts() {
    }

    public static ImageFacts of(ImageClassification c) {
        String distro = switch (c.getDistroStatus()) {
            case DETECTED -> c.getDistro() == null || c.getDistro().getId().isBlank() ? "unknown" : c.getDistro().getId();
            case SCRATCH -> "scratch";
            case NOT_APPLICABLE -> "none";
            case UNKNOWN -> "unknown";
        };
        String version = c.getDistro() != null && "DETECTED".equals(c.getDistroStatus().name())
                ? c.getDistro().getVersion() : null;
        String note = c.getError() != null ? c.getError()
                : c.getPartial() ? "partial: " + c.getPartialReason() : null;
        return new ImageFacts(distro, version, c.getFips().name(), c.getExistence().name(), c.getManifestDigest(), note);
    }
}
