package dev.imagecensus.embedded.junit;

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
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes what the watcher and the enricher would: image events and classifications, Avro through the registry, for
 * tests of what consumes them (aggregator ITs, deploy tests). Every container is {@code app} of cluster
 * {@value #CLUSTER}.
 */
public final class ClusterFeed implements AutoCloseable {

    public static final String CLUSTER = "prod";

    private final KafkaProducer<String, byte[]> producer;
    private final Topics topics;

    public ClusterFeed(String bootstrapServers, Topics topics) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
        this.topics = topics;
    }

    /** An ADDED event for container {@code app} of {@code pod}, owned by {@code kind/owner}. */
    public void added(String namespace, String pod, String kind, String owner, String image) throws Exception {
        String ref = ImageReference.parse(image).canonical();
        ImageEvent event = ImageEvent.newBuilder().setType(ImageEventType.ADDED).setCluster(CLUSTER)
                .setNamespace(namespace).setPodName(pod).setPodUid("uid-" + namespace + "-" + pod).setContainer("app")
                .setContainerType(ContainerType.APP).setImage(image).setImageRef(ref)
                .setDigest("sha256:" + Integer.toHexString(ref.hashCode()).repeat(8).substring(0, 64))
                .setPhase("Running").setOwnerKind(kind).setOwnerName(owner).setObservedAt(Instant.now()).build();
        String topic = topics.imageEvents().name();
        producer.send(new ProducerRecord<>(topic, CLUSTER + "/uid-" + namespace + "-" + pod + "/app",
                topics.imageEvents().valueSerde().serializer().serialize(topic, event))).get();
    }

    /** A DELETED event for container {@code app} of {@code pod}, then the tombstone the watcher writes after it. */
    public void deleted(String namespace, String pod, String kind, String owner, String image) throws Exception {
        String ref = ImageReference.parse(image).canonical();
        String key = CLUSTER + "/uid-" + namespace + "-" + pod + "/app";
        ImageEvent event = ImageEvent.newBuilder().setType(ImageEventType.DELETED).setCluster(CLUSTER)
                .setNamespace(namespace).setPodName(pod).setPodUid("uid-" + namespace + "-" + pod).setContainer("app")
                .setContainerType(ContainerType.APP).setImage(image).setImageRef(ref).setPhase("Running")
                .setOwnerKind(kind).setOwnerName(owner).setObservedAt(Instant.now()).build();
        String topic = topics.imageEvents().name();
        producer.send(new ProducerRecord<>(topic, key, topics.imageEvents().valueSerde().serializer().serialize(topic, event)))
                .get();
        producer.send(new ProducerRecord<>(topic, key, null)).get();
    }

    /** The enricher's answer for {@code image}. */
    public void classified(String image, String distro, String version, FipsStatus fips, Existence existence) throws Exception {
        String ref = ImageReference.parse(image).canonical();
        ImageClassification c = ImageClassification.newBuilder().setImage(ref).setExistence(existence)
                .setExistenceCheckedAt(Instant.now()).setManifestDigest("sha256:" + "c".repeat(64))
                .setPlatform(Platform.newBuilder().setOs("linux").setArchitecture("amd64").build())
                .setDistroStatus(DistroStatus.DETECTED)
                .setDistro(Distro.newBuilder().setId(distro).setVersion(version).setName(distro + " " + version)
                        .setSource("etc/os-release").build())
                .setFips(fips).setClassifiedAt(Instant.now()).build();
        String topic = topics.imageClassifications().name();
        producer.send(new ProducerRecord<>(topic, ref,
                topics.imageClassifications().valueSerde().serializer().serialize(topic, c))).get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
