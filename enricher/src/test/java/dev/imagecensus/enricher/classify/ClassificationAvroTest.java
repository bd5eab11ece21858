package dev.imagecensus.enricher.classify;

import static dev.imagecensus.enricher.classify.Layers.layer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.schemas.avro.Distro;
import dev.imagecensus.schemas.avro.DistroStatus;
import dev.imagecensus.schemas.avro.EvidenceStrength;
import dev.imagecensus.schemas.avro.FipsEvidence;
import dev.imagecensus.schemas.avro.FipsStatus;
import dev.imagecensus.schemas.avro.ImageClassification;
import dev.imagecensus.schemas.avro.Platform;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

class ClassificationAvroTest {

    @Test
    void shouldMapEveryFieldWhenConvertingToAvro() throws Exception {
        // Given
        Classification classification = Classifier.classify(Images.image("registry.example/acme/ubi-fips:9",
                        layer().file("etc/os-release", Images.UBI).file("etc/system-fips", "").build())
                .compressedBytes(80_000_000L).build());

        // When
        ImageClassification avro = ClassificationAvro.toAvro(classification);

        // Then
        assertThat(avro.getImage()).isEqualTo("registry.example/acme/ubi-fips:9");
        assertThat(avro.getExistenceCheckedAt()).isEqualTo(Images.AT);
        assertThat(avro.getPlatform()).isEqualTo(new Platform("linux", "amd64", null));
        assertThat(avro.getPlatforms()).containsExactly("linux/amd64");
        assertThat(avro.getDistroStatus()).isEqualTo(DistroStatus.DETECTED);
        assertThat(avro.getDistro()).isEqualTo(new Distro("rhel", "9.4", "Red Hat Enterprise Linux 9.4 (Plow)",
                "fedora", null, "etc/os-release"));
        assertThat(avro.getFips()).isEqualTo(FipsStatus.CAPABLE);
        assertThat(avro.getFipsEvidence()).containsExactly(
                new FipsEvidence(EvidenceStrength.CAPABLE, "system-fips", "etc/system-fips", "RHEL FIPS-mode marker"),
                new FipsEvidence(EvidenceStrength.CLAIMED, "image-name", null,
                        "the image name says fips: acme/ubi-fips:9"));
        assertThat(avro.getFipsNote()).isEqualTo(Classifier.KERNEL_NOTE);
        assertThat(avro.getLayers()).isEqualTo(1);
        assertThat(avro.getCompressedBytes()).isEqualTo(80_000_000L);
        assertThat(avro.getPartial()).isFalse();
        assertThat(avro.getClassifiedAt()).isEqualTo(Images.AT);

        // And it encodes (every non-null field set) and reads back with the schema alone
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(ImageClassification.class).write(avro, encoder);
        encoder.flush();
        GenericRecord read = new GenericDatumReader<GenericRecord>(ImageClassification.getClassSchema())
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        assertThat(read.get("image")).hasToString("registry.example/acme/ubi-fips:9");
        assertThat(read.get("fips")).hasToString("CAPABLE");
    }

    @Test
    void shouldLeaveOptionalFieldsNullWhenImageWasNotInspected() {
        // Given
        Classification classification = Classifier.classify(ClassificationInput.builder("quay.io/acme/api:1",
                dev.imagecensus.schemas.avro.Existence.REGISTRY_UNAVAILABLE, Images.AT).error("connect timed out").build());

        // When
        ImageClassification avro = ClassificationAvro.toAvro(classification);

        // Then
        assertThat(avro.getPlatform()).isNull();
        assertThat(avro.getDistro()).isNull();
        assertThat(avro.getPlatforms()).isEqualTo(List.of());
        assertThat(avro.getError()).isEqualTo("connect timed out");
    }
}
