package dev.imagecensus.enricher.classify;

import dev.imagecensus.schemas.avro.Distro;
import dev.imagecensus.schemas.avro.FipsEvidence;
import dev.imagecensus.schemas.avro.ImageClassification;
import dev.imagecensus.schemas.avro.Platform;

/** Maps a {@link Classification} onto the Avro {@link ImageClassification}, field for field. */
public final class ClassificationAvro {

    private ClassificationAvro() {
    }

    /** The record written to {@code image-classifications}. */
    public static ImageClassification toAvro(Classification c) {
        return ImageClassification.newBuilder()
                .setImage(c.image())
                .setExistence(c.existence())
                .setExistenceCheckedAt(c.existenceCheckedAt())
                .setManifestDigest(c.manifestDigest())
                .setMediaType(c.mediaType())
                .setPlatform(c.platform() == null ? null : platform(c.platform()))
                .setPlatforms(c.platforms())
                .setDistroStatus(c.distroStatus())
                .setDistro(c.distro() == null ? null : distro(c.distro()))
                .setFips(c.fips())
                .setFipsEvidence(c.fipsEvidence().stream().map(ClassificationAvro::evidence).toList())
                .setFipsNote(c.fipsNote())
                .setLayers(c.layers())
                .setCompressedBytes(c.compressedBytes())
                .setPartial(c.partial())
                .setPartialReason(c.partialReason())
                .setError(c.error())
                .setClassifiedAt(c.classifiedAt())
                .build();
    }

    private static Platform platform(PlatformSpec p) {
        return Platform.newBuilder().setOs(p.os()).setArchitecture(p.architecture()).setVariant(p.variant()).build();
    }

    private static Distro distro(DistroInfo d) {
        return Distro.newBuilder().setId(d.id()).setVersion(d.version()).setName(d.name()).setFamily(d.family())
                .setVariant(d.variant()).setSource(d.source()).build();
    }

    static FipsEvidence evidence(FipsEvidenceItem e) {
        return FipsEvidence.newBuilder().setStrength(e.strength()).setKind(e.kind()).setPath(e.path())
                .setDetail(e.detail()).build();
    }
}
