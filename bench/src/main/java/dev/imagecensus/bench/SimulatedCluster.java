package dev.imagecensus.bench;

import dev.imagecensus.schemas.Topics;
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
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A deterministic cluster shaped like a real one: workloads of 10 pods with 2 containers each (app + sidecar, the
 * same images in every pod of a workload), 100 namespaces, the four workload kinds the existence exporter knows,
 * every image classified (a mix of distros and FIPS statuses, 2% absent from their registry).
 */
final class SimulatedCluster {

    private static final int PODS_PER_WORKLOAD = 10;
    private static final String[] CONTAINERS = {"app", "sidecar"};
    private static final String[] KINDS = {"Deployment", "StatefulSet", "DaemonSet", "CronJob"};
    private static final String[][] DISTROS = {{"debian", "12"}, {"alpine", "3.20"}, {"rhel", "9.4"}, {"ubuntu", "24.04"},
            {"wolfi", "20230201"}, {"debian", "11"}, {"alpine", "3.19"}};
    private static final FipsStatus[] FIPS = {FipsStatus.NOT_DETECTED, FipsStatus.NOT_DETECTED, FipsStatus.NOT_DETECTED,
            FipsStatus.NOT_DETECTED, FipsStatus.NOT_DETECTED, FipsStatus.CAPABLE, FipsStatus.ENFORCED, FipsStatus.CLAIMED};

    private final int images;
    private final int containers;

    SimulatedCluster(int images, int containers) {
        if (containers % (PODS_PER_WORKLOAD * CONTAINERS.length) != 0) {
            throw new IllegalArgumentException("containers must be a multiple of 20");
        }
        this.images = images;
        this.containers = containers;
    }

    int containers() {
        return containers;
    }

    int pods() {
        return containers / CONTAINERS.length;
    }

    int workloads() {
        return pods() / PODS_PER_WORKLOAD;
    }

    static String image(int i) {
        return "registry.example.com/team-" + (i % 200) + "/svc-" + i + ":1." + (i % 10);
    }

    /** Writes every classification, then every container's ADDED event, as the enricher and watcher would. */
    void publish(String bootstrapServers, Topics topics) {
        Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 262_144,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        Instant now = Instant.now();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer())) {
            Serializer<ImageClassification> classifications = topics.imageClassifications().valueSerde().serializer();
            String classificationTopic = topics.imageClassifications().name();
            for (int i = 0; i < images; i++) {
                ImageClassification c = classification(i, now);
                producer.send(new ProducerRecord<>(classificationTopic, c.getImage(), classifications.serialize(classificationTopic, c)));
            }
            Serializer<ImageEvent> events = topics.imageEvents().valueSerde().serializer();
            String eventTopic = topics.imageEvents().name();
            for (int w = 0; w < workloads(); w++) {
                for (int p = 0; p < PODS_PER_WORKLOAD; p++) {
                    for (int c = 0; c < CONTAINERS.length; c++) {
                        ImageEvent event = event(w, p, c, now);
                        String key = event.getCluster() + "/" + event.getPodUid() + "/" + event.getContainer();
                        producer.send(new ProducerRecord<>(eventTopic, key, events.serialize(eventTopic, event)));
                    }
                }
            }
            producer.flush();
        }
    }

    private ImageEvent event(int workload, int pod, int container, Instant now) {
        String namespace = "ns-" + (workload % 100);
        String owner = "wl-" + workload;
        String podName = owner + "-" + pod;
        String image = image((workload * CONTAINERS.length + container) % images);
        return ImageEvent.newBuilder().setType(ImageEventType.ADDED).setCluster("bench").setNamespace(namespace)
                .setPodName(podName).setPodUid("uid-" + podName).setContainer(CONTAINERS[container])
                .setContainerType(ContainerType.APP).setImage(image).setImageRef(ImageReference.parse(image).canonical())
                .setDigest("sha256:" + String.format("%064x", (long) workload * 31 + container)).setPhase("Running")
                .setOwnerKind(KINDS[workload % KINDS.length]).setOwnerName(owner).setObservedAt(now).build();
    }

    private static ImageClassification classification(int i, Instant now) {
        String[] distro = DISTROS[i % DISTROS.length];
        return ImageClassification.newBuilder().setImage(ImageReference.parse(image(i)).canonical())
                .setExistence(i % 50 == 0 ? Existence.ABSENT : Existence.AVAILABLE).setExistenceCheckedAt(now)
                .setManifestDigest("sha256:" + String.format("%064x", i))
                .setPlatform(Platform.newBuilder().setOs("linux").setArchitecture(i % 5 == 0 ? "arm64" : "amd64").build())
                .setDistroStatus(DistroStatus.DETECTED)
                .setDistro(Distro.newBuilder().setId(distro[0]).setVersion(distro[1]).setSource("etc/os-release").build())
                .setFips(FIPS[i % FIPS.length]).setClassifiedAt(now).build();
    }
}
