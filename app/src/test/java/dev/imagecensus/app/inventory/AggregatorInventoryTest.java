package dev.imagecensus.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagecensus.embedded.kafka.FreePorts;
import dev.imagecensus.schemas.avro.Distro;
import dev.imagecensus.schemas.avro.DistroStatus;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.FipsStatus;
import dev.imagecensus.schemas.avro.ImageClassification;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the aggregator's answers, and the enricher's classification in the same words. */
class AggregatorInventoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldReadEachWorkloadContainerWhenGivenApiWorkloads() throws Exception {
        String body = """
                {"count": 1, "workloads": [{"cluster": "c", "namespace": "apps", "kind": "Deployment", "name": "web",
                  "pods": 2, "fips": "DISABLED", "images": [
                    {"container": "app", "image": "docker.io/library/nginx:1.27", "familiar": "nginx:1.27",
                     "existence": "AVAILABLE", "fips": "NOT_DETECTED", "pods": 2}]}]}
                """;

        assertThat(AggregatorInventory.entries(JSON.readTree(body))).containsExactly(
                new ContainerEntry("apps", null, "Deployment", "web", "app", "docker.io/library/nginx:1.27", 2));
    }

    @Test
    void shouldReadEachImagesClassificationWhenGivenApiImages() throws Exception {
        String body = """
                {"count": 2, "images": [
                  {"image": "docker.io/library/nginx:1.27", "classified": true, "availability": "AVAILABLE",
                   "distro": "debian", "distroVersion": "12", "fips": "NOT_DETECTED", "digest": "sha256:aa", "partial": false},
                  {"image": "docker.io/library/redis:7", "classified": false, "availability": "UNCLASSIFIED",
                   "distro": "unclassified", "distroVersion": null, "fips": "UNCLASSIFIED", "digest": "", "partial": false}]}
                """;

        var facts = AggregatorInventory.facts(JSON.readTree(body));

        assertThat(facts.get("docker.io/library/nginx:1.27"))
                .isEqualTo(new ImageFacts("debian", "12", "NOT_DETECTED", "AVAILABLE", "sha256:aa", null));
        assertThat(facts.get("docker.io/library/redis:7").baseOs()).isEqualTo("unclassified");
        assertThat(facts.get("docker.io/library/redis:7").digest()).isNull();
    }

    @Test
    void shouldExplainWhenNoAggregatorListens() {
        int port = FreePorts.pick();
        AggregatorInventory aggregator = new AggregatorInventory("http://127.0.0.1:" + port);

        assertThatThrownBy(aggregator::fetch).isInstanceOf(AggregatorInventory.UnreachableException.class)
                .hasMessageContaining("cannot reach the aggregator at http://127.0.0.1:" + port);
    }

    @Test
    void shouldRejectAUrlWithoutHost() {
        assertThatThrownBy(() -> new AggregatorInventory("localhost:8080")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--url");
    }

    @Test
    void shouldUseTheAggregatorsWordsWhenMappingAClassification() {
        ImageClassification detected = classification(DistroStatus.DETECTED, Distro.newBuilder().setId("alpine").setVersion("3.20.3").setSource("etc/os-release").build());
        ImageClassification scratch = classification(DistroStatus.SCRATCH, null);
        ImageClassification absent = classification(DistroStatus.UNKNOWN, null);
        absent.setExistence(Existence.ABSENT);
        absent.setError("manifest unknown");

        assertThat(ClassificationFacts.of(detected).baseOs()).isEqualTo("alpine 3.20.3");
        assertThat(ClassificationFacts.of(scratch).baseOs()).isEqualTo("scratch");
        assertThat(ClassificationFacts.of(absent)).isEqualTo(
                new ImageFacts("unknown", null, "NOT_DETECTED", "ABSENT", null, "manifest unknown"));
    }

    private static ImageClassification classification(DistroStatus status, Distro distro) {
        return ImageClassification.newBuilder().setImage("x").setExistence(Existence.AVAILABLE)
                .setExistenceCheckedAt(Instant.EPOCH).setPlatforms(List.of()).setDistroStatus(status).setDistro(distro)
                .setFips(FipsStatus.NOT_DETECTED).setFipsEvidence(List.of()).setLayers(0).setPartial(false)
                .setClassifiedAt(Instant.EPOCH).build();
    }
}
