package dev.imagecensus.enricher.stream;

import static dev.imagecensus.enricher.stream.Events.added;
import static dev.imagecensus.enricher.stream.Events.deleted;
import static dev.imagecensus.enricher.stream.Events.key;
import static dev.imagecensus.enricher.stream.Events.ref;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.embedded.junit.DockerRegistryExtension;
import dev.imagecensus.embedded.oci.DockerRegistryProcess;
import dev.imagecensus.embedded.oci.ImagePusher;
import dev.imagecensus.embedded.oci.SyntheticImage;
import dev.imagecensus.embedded.oci.SyntheticImages;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistry;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistryConfig;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.ImageClassification;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pending store and crash recovery, existence re-checks, tags moving, digest reuse: driver and real registry. */
@ExtendWith(DockerRegistryExtension.class)
class InspectionLifecycleTest {

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
    void shouldRecordPendingBeforeCallAndResubmitWhenRestartedAfterCrash(DockerRegistryProcess registry)
            throws InterruptedException {
        String ubuntu = SyntheticImages.named("ubuntu").reference(registry.host());
        DriverFixture restarted;
        try (DriverFixture first = DriverFixture.holding(registry, schemas)) {
            // Given an image whose registry call has started but not answered
            first.pipe(key("a", "c"), added("a", "c", ubuntu));
            assertThat(first.inspector.awaitCall()).isTrue();

            // Then it is already pending, and nothing was emitted
            assertThat(first.<Long>entries(EnricherTopology.PENDING_STORE)).containsOnlyKeys(ref(ubuntu));
            first.advance(Duration.ofSeconds(1));
            assertThat(first.classified).isEmpty();

            // When the instance dies mid-call and a new one starts on what its disk held
            restarted = DriverFixture.onStateOf(first, registry, schemas);
        }
        try (restarted) {
            restarted.awaitClassified(1);
            restarted.settle();

            // Then the pending reference was resubmitted and classified, without a new event
            assertThat(restarted.classified).extracting(ImageClassification::getImage).containsExactly(ref(ubuntu));
            assertThat(restarted.classified.get(0).getDistro().getId()).isEqualTo("ubuntu");
            assertThat(restarted.inspector.resolves(ref(ubuntu))).isEqualTo(1);
            assertThat(restarted.<Long>entries(EnricherTopology.PENDING_STORE)).isEmpty();
        }
    }

    @Test
    void shouldRecheckOnlyImagesInUseAndReclassifyWhenTagMoved(DockerRegistryProcess registry) {
        // Given a tag of our own that we can move, an unchanged image and one that will go out of use
        String repository = "moving/app-" + UUID.randomUUID().toString().substring(0, 8);
        SyntheticImage v1 = retagged(SyntheticImages.unique(910_001), repository);
        SyntheticImage v2 = retagged(SyntheticImages.unique(910_002), repository);
        ImagePusher.to(registry).push(v1);
        String moving = v1.reference(registry.host());
        String alpine = SyntheticImages.named("alpine").reference(registry.host());
        String debian = SyntheticImages.named("debian").reference(registry.host());
        try (DriverFixture fixture = DriverFixture.start(registry, schemas)) {
            fixture.pipe(key("a", "c"), added("a", "c", moving));
            fixture.pipe(key("b", "c"), added("b", "c", alpine));
            fixture.pipe(key("c", "c"), added("c", "c", debian));
            fixture.awaitClassified(3);
            fixture.settle();
            fixture.pipe(key("c", "c"), deleted("c", "c", debian));
            fixture.pipe(key("c", "c"), null);
            ImagePusher.to(registry).push(v2);
            ImageClassification alpineBefore = fixture.<ImageClassification>entries(EnricherTopology.CLASSIFICATIONS_STORE)
                    .get(ref(alpine));

            // When the re-check interval has passed
            fixture.advance(fixture.config.recheckInterval().plusMinutes(1));
            fixture.awaitClassified(4);
            fixture.settle();

            // Then images in use were HEADed again, the moved tag re-classified, the unused one left alone
            assertThat(fixture.inspector.resolves(ref(moving))).isEqualTo(2);
            assertThat(fixture.inspector.inspections(ref(moving))).isEqualTo(2);
            assertThat(fixture.inspector.resolves(ref(alpine))).isEqualTo(2);
            assertThat(fixture.inspector.inspections(ref(alpine))).isEqualTo(1);
            assertThat(fixture.inspector.resolves(ref(debian))).isEqualTo(1);
            ImageClassification moved = fixture.classified.get(3);
            assertThat(moved.getImage()).isEqualTo(ref(moving));
            assertThat(moved.getManifestDigest()).isEqualTo(v2.digest()).isNotEqualTo(v1.digest());
            assertThat(fixture.classified).hasSize(4); // an unchanged answer is stored, not re-emitted
            assertThat(fixture.<ImageClassification>entries(EnricherTopology.CLASSIFICATIONS_STORE).get(ref(alpine))
                    .getExistenceCheckedAt()).isAfter(alpineBefore.getExistenceCheckedAt());
            assertThat(fixture.service.completedRechecks()).isEqualTo(1);
        }
    }

    @Test
    void shouldRecheckEveryDueImageSoonWhenMoreAreDueThanTheExecutorHolds(DockerRegistryProcess registry) {
        List<String> refs = Stream.of("alpine", "debian", "ubuntu", "distroless", "busybox")
                .map(name -> SyntheticImages.named(name).reference(registry.host())).toList();
        try (DriverFixture fixture = DriverFixture.start(registry, schemas, c -> c.withInspections(1, 1))) {
            // Given five images in use and room for one registry call at a time
            for (int i = 0; i < refs.size(); i++) {
                fixture.pipe(key("p" + i, "c"), added("p" + i, "c", refs.get(i)));
            }
            fixture.awaitClassified(refs.size());
            fixture.settle();

            // When they all fall due at once
            fixture.advance(fixture.config.recheckInterval().plusMinutes(1));

            // Then they are re-checked one after the other as answers come back, not one per scan
            fixture.awaitWithin("every image re-checked before the next scan", fixture.config.recheckScanInterval(),
                    () -> refs.stream().allMatch(r -> fixture.inspector.resolves(ref(r)) == 2));
            assertThat(fixture.service.inFlight()).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void shouldInspectOnceWhenTwoReferencesResolveToSameDigest(DockerRegistryProcess registry) {
        SyntheticImage image = SyntheticImages.named("distroless");
        String byTag = image.reference(registry.host());
        String byDigest = image.digestReference(registry.host());
        try (DriverFixture fixture = DriverFixture.start(registry, schemas)) {
            // Given the tag classified
            fixture.pipe(key("a", "c"), added("a", "c", byTag));
            fixture.awaitClassified(1);

            // When a pod pins the same image by digest
            fixture.pipe(key("b", "c"), added("b", "c", byDigest));
            fixture.awaitClassified(2);
            fixture.settle();

            // Then the digest reference got a HEAD only, and the known classification under its own name
            ImageClassification reused = fixture.classified.get(1);
            assertThat(fixture.inspector.inspections(ref(byTag))).isEqualTo(1);
            assertThat(fixture.inspector.inspections(ref(byDigest))).isZero();
            assertThat(fixture.inspector.resolves(ref(byDigest))).isEqualTo(1);
            assertThat(reused.getImage()).isEqualTo(ref(byDigest));
            assertThat(reused.getExistence()).isEqualTo(Existence.AVAILABLE);
            assertThat(reused.getManifestDigest()).isEqualTo(image.digest());
            assertThat(reused.getDistro()).isEqualTo(fixture.classified.get(0).getDistro());
        }
    }

    private static SyntheticImage retagged(SyntheticImage image, String repository) {
        return new SyntheticImage(image.name(), repository, SyntheticImages.TAG, image.manifest(), image.childManifests(),
                image.blobs(), image.expected(), false);
    }
}
