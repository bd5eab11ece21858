package dev.imagecensus.schemas.connect;

import dev.imagecensus.schemas.avro.AuditAction;
import dev.imagecensus.schemas.avro.ContainerType;
import dev.imagecensus.schemas.avro.DeadLetter;
import dev.imagecensus.schemas.avro.Distro;
import dev.imagecensus.schemas.avro.DistroStatus;
import dev.imagecensus.schemas.avro.EvidenceStrength;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.FipsEvidence;
import dev.imagecensus.schemas.avro.FipsStatus;
import dev.imagecensus.schemas.avro.ImageAudit;
import dev.imagecensus.schemas.avro.ImageClassification;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.avro.ImageEventType;
import dev.imagecensus.schemas.avro.ImageInventory;
import dev.imagecensus.schemas.avro.Platform;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Realistic instances of every record type, built with the generated builders. */
final class Fixtures {

    static final Instant OBSERVED = Instant.parse("2025-03-14T09:26:53.589Z");
    static final String NGINX = "docker.io/library/nginx:1.27";
    static final String NGINX_DIGEST = "sha256:6af79ae5de407283dcea8b00d5c37ace95441fd58a8b1d2aa1ed93f5511bb18c";

    private Fixtures() {
    }

    static ImageEvent imageEvent() {
        return ImageEvent.newBuilder()
                .setType(ImageEventType.UPDATED)
                .setCluster("prod-eu1")
                .setNamespace("shop")
                .setPodName("web-7d67dc9ff9-mfll9")
                .setPodUid("3f1c9e2a-6b1d-4c55-9a7e-0c2b7d1e8f40")
                .setContainer("nginx")
                .setContainerType(ContainerType.SIDECAR)
                .setImage("nginx:1.27")
                .setImageRef(NGINX)
                .setImageId("docker.io/library/nginx@" + NGINX_DIGEST)
                .setDigest(NGINX_DIGEST)
                .setPhase("Running")
                .setOwnerKind("Deployment")
                .setOwnerName("web")
                .setNodeName("node-a-1")
                .setResourceVersion("918273")
                .setObservedAt(OBSERVED)
                .build(); // invalidReason stays null
    }

    static ImageClassification imageClassification() {
        return ImageClassification.newBuilder()
                .setImage(NGINX)
                .setExistence(Existence.AVAILABLE)
                .setExistenceCheckedAt(OBSERVED)
                .setManifestDigest(NGINX_DIGEST)
                .setMediaType("application/vnd.oci.image.index.v1+json")
                .setPlatform(Platform.newBuilder().setOs("linux").setArchitecture("arm64").setVariant("v8").build())
                .setPlatforms(List.of("linux/amd64", "linux/arm64/v8", "linux/s390x"))
                .setDistroStatus(DistroStatus.DETECTED)
                .setDistro(Distro.newBuilder().setId("debian").setVersion("12").setName("Debian GNU/Linux 12 (bookworm)")
                        .setFamily("debian").setSource("etc/os-release").build()) // variant stays null
                .setFips(FipsStatus.CAPABLE)
                .setFipsEvidence(List.of(
                        FipsEvidence.newBuilder().setStrength(EvidenceStrength.CAPABLE).setKind("fips-provider")
                                .setPath("usr/lib/ossl-modules/fips.so").setDetail("OpenSSL 3 FIPS provider").build(),
                        FipsEvidence.newBuilder().setStrength(EvidenceStrength.CLAIMED).setKind("label")
                                .setDetail("org.opencontainers.image.title=nginx-fips").build()))
                .setFipsNote("Runtime FIPS mode also needs a FIPS-enabled host kernel.")
                .setLayers(7)
                .setCompressedBytes(71_294_418L)
                .setPartial(false)
                .setClassifiedAt(OBSERVED.plusMillis(1_250))
                .build();
    }

    static ImageInventory imageInventory() {
        return ImageInventory.newBuilder()
                .setImage(NGINX)
                .setRegistry("docker.io")
                .setRepository("library/nginx")
                .setTag("1.27")
                .setContainers(12)
                .setNamespaces("checkout,shop")
                .setRunningDigests(NGINX_DIGEST)
                .setClassified(true)
                .setExistence("AVAILABLE")
                .setOs("linux")
                .setArchitecture("amd64")
                .setDistroStatus("DETECTED")
                .setDistroId("debian")
                .setDistroVersion("12")
                .setDistroName("Debian GNU/Linux 12 (bookworm)")
                .setFips("NOT_DETECTED")
                .setPartial(false)
                .setFirstSeen(OBSERVED.minusSeconds(86_400))
                .setUpdatedAt(OBSERVED)
                .build(); // digest and fipsEvidence stay null
    }

    static ImageAudit imageAudit() {
        return ImageAudit.newBuilder()
                .setImage(NGINX)
                .setAction(AuditAction.LEFT)
                .setAt(OBSERVED)
                .setCluster("prod-eu1")
                .setNamespace("shop")
                .setPod("web-7d67dc9ff9-mfll9")
                .setDigest(NGINX_DIGEST)
                .build();
    }

    static DeadLetter deadLetter() {
        return DeadLetter.newBuilder()
                .setTopic("image-events")
                .setPartition(3)
                .setOffset(1_048_576L)
                .setTimestamp(OBSERVED)
                .setKey(utf8("prod-eu1/3f1c9e2a-6b1d-4c55-9a7e-0c2b7d1e8f40/nginx"))
                .setValue(ByteBuffer.wrap(new byte[] {0, 0, 0, 0, 7, (byte) 0xff, 0x10}))
                .setHeaders(Map.of("traceparent", utf8("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
                        "retries", ByteBuffer.wrap(new byte[] {3})))
                .setApplication("image-census-enricher")
                .setStage("classify")
                .setErrorClass("org.apache.kafka.common.errors.SerializationException")
                .setErrorMessage("Unknown magic byte 0x07")
                .setFailedAt(OBSERVED.plusSeconds(2))
                .build(); // stackTrace stays null
    }

    static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
