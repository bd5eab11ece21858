package dev.imagecensus.enricher.stream;

import static dev.imagecensus.enricher.stream.Events.added;
import static dev.imagecensus.enricher.stream.Events.deleted;
import static dev.imagecensus.enricher.stream.Events.key;
import static dev.imagecensus.enricher.stream.Events.ref;
import static dev.imagecensus.enricher.stream.Events.updated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.imagecensus.embedded.junit.DockerRegistryExtension;
import dev.imagecensus.embedded.oci.DockerRegistryProcess;
import dev.imagecensus.embedded.oci.SyntheticImages;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistry;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistryConfig;
import dev.imagecensus.enricher.IgnoredImages;
import dev.imagecensus.schemas.avro.DeadLetter;
import dev.imagecensus.schemas.avro.DistroStatus;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.ImageClassification;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The enricher topology in a driver, inspecting for real: usage, inspect-once, bad references, ignored images. */
@ExtendWith(DockerRegistryExtension.class)
class EnricherTopologyTest {

    private static EmbeddedSchemaRegistry schemas;

    @BeforeAll
    static void startSchemaRegistry() {
        schemas = EmbeddedSchemaRegistry.start(EmbeddedSchemaRegistryConfig.inMemory());
    }

    @AfterAll
    static void stopSchemaRegistry() {
        schemas.close();
    }

    @Test
    void shouldInspectImageOnceWhenManyContainersUseIt(DockerRegistryProcess registry) {
        try (DriverFixture fixture = DriverFixture.start(registry, schemas)) {
            // Given twenty containers of ten pods running the same image
            String alpine = SyntheticImages.named("alpine").reference(registry.host());
            for (int pod = 0; pod < 10; pod++) {
                fixture.pipe(key("web-" + pod, "app"), added("web-" + pod, "app", alpine));
                fixture.pipe(key("web-" + pod, "sidecar"), added("web-" + pod, "sidecar", alpine));
            }

            // When the registry answers
            fixture.awaitClassified(1);
            fixture.settle();

            // Then one HEAD, one inspection, one classification, and the exact usage
            ImageClassification classification = fixture.classified.get(0);
            assertThat(fixture.classified).hasSize(1);
            assertThat(classification.getImage()).isEqualTo(ref(alpine));
            assertThat(classification.getExistence()).isEqualTo(Existence.AVAILABLE);
            assertThat(classification.getDistro().getId()).isEqualTo("alpine");
            assertThat(fixture.inspector.resolves(ref(alpine))).isEqualTo(1);
            assertThat(fixture.inspector.inspections(ref(alpine))).isEqualTo(1);
            assertThat(fixture.<Integer>entries(EnricherTopology.USAGE_STORE)).containsExactly(entry(ref(alpine), 20));
            assertThat(fixture.<ImageClassification>entries(EnricherTopology.CLASSIFICATIONS_STORE)).containsOnlyKeys(ref(alpine));
            assertThat(fixture.<ImageClassification>entries(EnricherTopology.BY_DIGEST_STORE))
                    .containsOnlyKeys(SyntheticImages.named("alpine").digest());
        }
    }

    @Test
    void shouldCountUsageExactlyWhenContainersComeGoAndChangeImage(DockerRegistryProcess registry) {
        try (DriverFixture fixture = DriverFixture.start(registry, schemas)) {
            String alpine = SyntheticImages.named("alpine").reference(registry.host());
            String debian = SyntheticImages.named("debian").reference(registry.host());

            // Given three containers on alpine
            fixture.pipe(key("a", "c"), added("a", "c", alpine));
            fixture.pipe(key("b", "c"), added("b", "c", alpine));
            fixture.pipe(key("c", "c"), added("c", "c", alpine));
            // When one changes image in place, one is deleted (DELETED then tombstone), one repeats itself,
            // and a fourth appears and vanishes by tombstone alone
            fixture.pipe(key("c", "c"), updated("c", "c", debian));
            fixture.pipe(key("b", "c"), deleted("b", "c", alpine));
            fixture.pipe(key("b", "c"), null);
            fixture.pipe(key("a", "c"), updated("a", "c", alpine));
            fixture.pipe(key("d", "c"), added("d", "c", debian));
            fixture.pipe(key("d", "c"), null);
            fixture.awaitClassified(2);
            fixture.settle();

            // Then
            assertThat(fixture.<Integer>entries(EnricherTopology.USAGE_STORE))
                    .containsExactly(entry(ref(alpine), 1), entry(ref(debian), 1));
            assertThat(fixture.<String>entries(EnricherTopology.CONTAINER_IMAGES_STORE))
                    .containsExactly(entry(key("a", "c"), ref(alpine)), entry(key("c", "c"), ref(debian)));
            assertThat(fixture.classified).extracting(ImageClassification::getImage)
                    .containsExactlyInAnyOrder(ref(alpine), ref(debian));
        }
    }

    @Test
    void shouldAnswerBadImageFormatWithoutRegistryCallWhenReferenceIsInvalid(DockerRegistryProcess registry) {
        try (DriverFixture fixture = DriverFixture.start(registry, schemas)) {
            // Given a container whose image reference cannot be parsed
            String invalid = "UPPER/Case::nope";

            // When
            fixture.pipe(key("bad", "c"), added("bad", "c", invalid));
            fixture.awaitClassified(1);

            // Then it is its own answer, keyed as written, and no registry heard of it
            ImageClassification classification = fixture.classified.get(0);
            assertThat(classification.getImage()).isEqualTo(invalid);
            assertThat(classification.getExistence()).isEqualTo(Existence.BAD_IMAGE_FORMAT);
            assertThat(classification.getDistroStatus()).isEqualTo(DistroStatus.UNKNOWN);
            assertThat(classification.getError()).contains(invalid);
            assertThat(fixture.inspector.totalCalls()).isZero();
            assertThat(fixture.counters.requests(registry.host())).isZero();
            assertThat(fixture.<Long>entries(EnricherTopology.PENDING_STORE)).isEmpty();
        }
    }

    @Test
    void shouldDeadLetterAnUndecodableEventAndKeepClassifyingWhenPoisonArrives(DockerRegistryProcess registry) {
        try (DriverFixture fixture = DriverFixture.start(registry, schemas)) {
            String alpine = SyntheticImages.named("alpine").reference(registry.host());
            TestInputTopic<String, byte[]> raw = fixture.driver.createInputTopic(fixture.topics.imageEvents().name(),
                    new StringSerializer(), new ByteArraySerializer());
            TestOutputTopic<String, DeadLetter> deadLetters = fixture.driver.createOutputTopic(
                    fixture.topics.deadLetters().name(), new StringDeserializer(),
                    fixture.topics.deadLetters().valueSerde().deserializer());

            // Given a record that is not in the Confluent wire format, then a good one
            raw.pipeInput(key("poison", "c"), new byte[] {1, 2, 3});
            fixture.pipe(key("a", "c"), added("a", "c", alpine));
            fixture.awaitClassified(1);

            // Then the poison is a dead letter with its bytes and cause, and the good one is classified
            DeadLetter letter = deadLetters.readValue();
            assertThat(letter.getTopic()).isEqualTo(fixture.topics.imageEvents().name());
            assertThat(letter.getOffset()).isZero();
            assertThat(letter.getValue().array()).containsExactly(1, 2, 3);
            assertThat(letter.getErrorMessage()).contains("Confluent wire-format header");
            assertThat(fixture.classified).extracting(ImageClassification::getImage).containsExactly(ref(alpine));
        }
    }

    @Test
    void shouldNeverInspectIgnoredImages(DockerRegistryProcess registry) {
        IgnoredImages ignored = IgnoredImages.of(List.of(".*/synthetic/debian:.*"));
        try (DriverFixture fixture = DriverFixture.start(registry, schemas, c -> c.withIgnoredImages(ignored))) {
            String alpine = SyntheticImages.named("alpine").reference(registry.host());
            String debian = SyntheticImages.named("debian").reference(registry.host());

            // When an ignored and a watched image arrive
            fixture.pipe(key("a", "c"), added("a", "c", debian));
            fixture.pipe(key("b", "c"), added("b", "c", alpine));
            fixture.awaitClassified(1);
            fixture.settle();

            // Then only the watched one is sent to the registry, and the ignored one is not even counted
            assertThat(fixture.classified).extracting(ImageClassification::getImage).containsExactly(ref(alpine));
            assertThat(fixture.inspector.resolves(ref(debian)) + fixture.inspector.inspections(ref(debian))).isZero();
            assertThat(fixture.<Integer>entries(EnricherTopology.USAGE_STORE)).containsOnlyKeys(ref(alpine));
        }
    }
}
