package dev.imagecensus.aggregator.topology;

import dev.imagecensus.schemas.avro.ContainerType;
import dev.imagecensus.schemas.avro.Distro;
import dev.imagecensus.schemas.avro.DistroStatus;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.FipsStatus;
import dev.imagecensus.schemas.avro.ImageClassification;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.avro.ImageEventType;
import dev.imagecensus.schemas.avro.Platform;
import dev.imagecensus.schemas.reference.ImageReference;
import dev.imagecensus.schemas.reference.ReferenceParseResult;
import java.time.Instant;

/** Test data: image events for one container and classifications, as the watcher and enricher write them. */
final class Events {

    static final String CLUSTER = "prod";
    static final Instant T0 = Instant.parse("2026-11-23T04:54:28Z");

    private Events() {
    }

    static Container container(String namespace, String pod, String container) {
        return new Container(namespace, pod, container);
    }

    /** Canonical form of a reference. */
    static String ref(String image) {
        return ImageReference.parse(image).canonical();
    }

    static ImageClassification classification(String image, FipsStatus fips, Existence existence) {
        return ImageClassification.newBuilder()
                .setImage(ref(image))
                .setExistence(existence)
                .setExistenceCheckedAt(T0)
                .setManifestDigest("sha256:" + "a".repeat(64))
                .setPlatform(Platform.newBuilder().setOs("linux").setArchitecture("amd64").build())
                .setDistroStatus(DistroStatus.DETECTED)
                .setDistro(Distro.newBuilder().setId("debian").setVersion("12").setName("Debian GNU/Linux 12 (bookworm)")
                        .setSource("etc/os-release").build())
                .setFips(fips)
                .setClassifiedAt(T0)
                .build();
    }

    /** One container of one pod; each call to {@link #added()} etc. describes its current settings. */
    static final class Container {
        private final String namespace;
        private final String pod;
        private final String name;
        private String image = "nginx:1.27";
        private String digest;
        private String ownerKind = "Deployment";
        private String ownerName = "web";
        private String uid;

        private Container(String namespace, String pod, String name) {
            this.namespace = namespace;
            this.pod = pod;
            this.name = name;
        }

        Container image(String value) {
            image = value;
            return this;
        }

        Container digest(String value) {
            digest = value;
            return this;
        }

        /** Another instance of the pod under the same name (a recreated StatefulSet pod). */
        Container uid(String value) {
            uid = value;
            return this;
        }

        Container owner(String kind, String ownerName) {
            this.ownerKind = kind;
            this.ownerName = ownerName;
            return this;
        }

        String key() {
            return CLUSTER + "/" + podUid() + "/" + name;
        }

        ImageEvent added() {
            return event(ImageEventType.ADDED);
        }

        ImageEvent updated() {
            return event(ImageEventType.UPDATED);
        }

        ImageEvent deleted() {
            return event(ImageEventType.DELETED);
        }

        private String podUid() {
            return uid != null ? uid : "uid-" + namespace + "-" + pod;
        }

        private ImageEvent event(ImageEventType type) {
            ReferenceParseResult parsed = ImageReference.tryParse(image);
            boolean valid = parsed instanceof ReferenceParseResult.Valid;
            return ImageEvent.newBuilder()
                    .setType(type)
                    .setCluster(CLUSTER)
                    .setNamespace(namespace)
                    .setPodName(pod)
                    .setPodUid(podUid())
                    .setContainer(name)
                    .setContainerType(ContainerType.APP)
                    .setImage(image)
                    .setImageRef(valid ? ((ReferenceParseResult.Valid) parsed).reference().canonical() : null)
                    .setInvalidReason(valid ? null : ((ReferenceParseResult.Invalid) parsed).reason())
                    .setImageId(digest == null ? null : "docker.io/library/x@" + digest)
                    .setDigest(digest)
                    .setPhase("Running")
                    .setOwnerKind(ownerKind)
                    .setOwnerName(ownerName)
                    .setObservedAt(T0)
                    .build();
        }
    }
}
