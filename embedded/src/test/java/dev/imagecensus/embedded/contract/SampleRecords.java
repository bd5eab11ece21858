package dev.imagecensus.embedded.contract;

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

/** One realistic value of every schema in the data contract, with optional fields set and unset. */
final class SampleRecords {

    static final Instant NOW = Instant.parse("2026-11-23T04:54:28Z");
    static final String DIGEST = "sha256:" + "ab".repeat(32);

    private SampleRecords() {
    }

    static ImageEvent imageEvent() {
        return ImageEvent.newBuilder()
                .setType(ImageEventType.UPDATED)
                .setCluster("prod-eu")
                .setNamespace("default")
                .setPodName("web-7d67dc9ff9-mfll9")
                .setPodUid("8c1f0a3e-6a55-4f1e-9d1b-2b6f1f9a0c11")
                .setContainer("nginx")
                .setContainerType(ContainerType.SIDECAR)
                .setImage("nginx:1.27")
                .setImageRef("docker.io/library/nginx:1.27")
                .setImageId("docker.io/library/nginx@" + DIGEST)
                .setDigest(DIGEST)
                .setPhase("Running")
                .setOwnerKind("Deployment")
                .setOwnerName("web")
                .setNodeName("node-1")
                .setResourceVersion("4711")
                .setObservedAt(NOW)
                .build();
    }

    static ImageEvent invalidImageEvent() {
        return ImageEvent.newBuilder(imageEvent())
                .setType(ImageEventType.ADDED)
                .setImage("Nginx:1.27")
                .setImageRef(null)
                .setInvalidReason("repository name must be lowercase")
                .setImageId(null)
                .setDigest(null)
                .setNodeName(null)
                .build();
    }

    static ImageClassification imageClassification() {
        return ImageClassification.newBuilder()
                .setImage("registry.example.com/team/api:2.1")
                .setExistence(Existence.AVAILABLE)
                .setExistenceCheckedAt(NOW)
                .setManifestDigest(DIGEST)
                .setMediaType("application/vnd.oci.image.index.v1+json")
                .setPlatform(new Platform("linux", "arm64", "v8"))
                .setPlatforms(List.of("linux/amd64", "linux/arm64/v8"))
                .setDistroStatus(DistroStatus.DETECTED)
                .setDistro(Distro.newBuilder().setId("rhel").setVersion("9.4")
                        .setName("Red Hat Enterprise Linux 9.4 (Plow)").setFamily("fedora")
                        .setSource("etc/os-release").build())
                .setFips(FipsStatus.CAPABLE)
                .setFipsEvidence(List.of(
                        new FipsEvidence(EvidenceStrength.CAPABLE, "system-fips", "etc/system-fips", "RHEL FIPS marker"),
                        new FipsEvidence(EvidenceStrength.CAPABLE, "fips-provider", "usr/lib64/ossl-modules/fips.so", "OpenSSL 3 FIPS provider")))
                .setFipsNote("Runtime FIPS mode also needs a FIPS-enabled host kernel")
                .setLayers(3)
                .setCompressedBytes(78_123_456L)
                .setClassifiedAt(NOW)
                .build();
    }

    static ImageInventory imageInventory() {
        return ImageInventory.newBuilder()
                .setImage("docker.io/library/nginx:1.27")
                .setRegistry("docker.io")
                .setRepository("library/nginx")
                .setTag("1.27")
                .setContainers(12)
                .setNamespaces("default,web")
                .setRunningDigests(DIGEST)
                .setClassified(true)
                .setExistence("AVAILABLE")
                .setOs("linux")
                .setArchitecture("amd64")
                .setDistroStatus("DETECTED")
                .setDistroId("debian")
                .setDistroVersion("12")
                .setDistroName("Debian GNU/Linux 12 (bookworm)")
                .setFips("NOT_DETECTED")
                .setFirstSeen(NOW.minusSeconds(3600))
                .setUpdatedAt(NOW)
                .build();
    }

    static ImageAudit imageAudit() {
        return ImageAudit.newBuilder()
                .setImage("docker.io/library/nginx:1.27")
                .setAction(AuditAction.ENTERED)
                .setAt(NOW)
                .setCluster("prod-eu")
                .setNamespace("default")
                .setPod("web-7d67dc9ff9-mfll9")
                .setDigest(DIGEST)
                .build();
    }

    static DeadLetter deadLetter() {
        return DeadLetter.newBuilder()
                .setTopic("image-events")
                .setPartition(3)
                .setOffset(1_234_567L)
                .setTimestamp(NOW)
                .setKey(ByteBuffer.wrap("prod-eu/uid/nginx".getBytes(StandardCharsets.UTF_8)))
                .setValue(ByteBuffer.wrap(new byte[] {1, 2, 3, 0, (byte) 0xff}))
                .setHeaders(Map.of("traceparent", ByteBuffer.wrap("00-abc-01".getBytes(StandardCharsets.UTF_8))))
                .setApplication("image-census-aggregator")
                .setStage("decode-image-events")
                .setErrorClass("org.apache.kafka.common.errors.SerializationException")
                .setErrorMessage("unknown magic byte 0x01")
                .setFailedAt(NOW)
                .build();
    }
}
