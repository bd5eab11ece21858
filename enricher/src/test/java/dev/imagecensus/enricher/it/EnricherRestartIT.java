package dev.imagecensus.enricher.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.embedded.junit.DockerRegistryExtension;
import dev.imagecensus.embedded.junit.StackExtension;
import dev.imagecensus.embedded.junit.TestStack;
import dev.imagecensus.embedded.oci.DockerRegistryProcess;
import dev.imagecensus.embedded.oci.ImagePusher;
import dev.imagecensus.embedded.oci.SyntheticImage;
import dev.imagecensus.embedded.oci.SyntheticImages;
import dev.imagecensus.enricher.Enricher;
import dev.imagecensus.enricher.registry.Politeness;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.ImageClassification;
import dev.imagecensus.schemas.reference.ImageReference;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Stopping the enricher in the middle of a burst loses nothing: the next instance resubmits what was pending. */
@ExtendWith({StackExtension.class, DockerRegistryExtension.class})
class EnricherRestartIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int IMAGES = 40;

    @Test
    void shouldClassifyEveryImageWhenStoppedMidBurstAndRestarted(TestStack stack, DockerRegistryProcess registry) {
        // Given forty distinct images, and a first instance held back to ~15 registry requests a second
        List<SyntheticImage> images = IntStream.range(0, IMAGES).mapToObj(i -> SyntheticImages.unique(830_000 + i)).toList();
        ImagePusher.to(registry).pushAll(images);
        List<String> refs = images.stream().map(i -> ImageReference.parse(i.reference(registry.host())).canonical()).toList();
        try (EnricherStack it = new EnricherStack(stack, "enricher-restart");
             TopicReader<ImageClassification> reader = it.classifications()) {
            Enricher first = it.start(it.config().withInspections(2, 8), EnricherIT.settings(registry)
                    .withPoliteness(new Politeness(2, 15, 1)));
            images.forEach(image -> it.run(image.name(), image.reference(registry.host())));
            it.flush();

            // When it is stopped while inspections are in flight
            reader.readUntil(m -> m.size() >= 3, TIMEOUT);
            double pendingAtStop = first.metrics().registry().get("imagecensus.enricher.queue.depth")
                    .tag("state", "pending").gauge().value();
            first.close();
            int classifiedByFirst = reader.readUntil(m -> true, TIMEOUT).size();

            // Then a new instance (same application, fresh disk) classifies every remaining image
            try (Enricher second = it.start(it.config(), EnricherIT.settings(registry))) {
                Map<String, ImageClassification> out = reader.readUntil(m -> m.keySet().containsAll(refs), TIMEOUT);

                assertThat(pendingAtStop).isPositive();
                assertThat(classifiedByFirst).isLessThan(IMAGES);
                assertThat(out.values()).allSatisfy(c -> {
                    assertThat(c.getExistence()).isEqualTo(Existence.AVAILABLE);
                    assertThat(c.getDistro().getId()).isEqualTo("debian");
                });
            }
        }
    }
}
