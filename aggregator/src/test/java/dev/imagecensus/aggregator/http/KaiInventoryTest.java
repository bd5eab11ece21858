package dev.imagecensus.aggregator.http;

import static dev.imagecensus.aggregator.Samples.classified;
import static dev.imagecensus.aggregator.Samples.image;
import static dev.imagecensus.aggregator.Samples.namespaces;
import static dev.imagecensus.aggregator.Samples.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imagecensus.aggregator.MissingTagPolicy;
import dev.imagecensus.aggregator.Samples;
import dev.imagecensus.aggregator.domain.Fips;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inventory in KAI's JSON shape, and KAI's three missing-tag policies. */
class KaiInventoryTest {

    private static final String HEX = "4ed1812024ed78962a34727137627e8854a3b414d19e2c35a1dc727a47e16fba";
    private static final Instant NOW = Instant.parse("2026-11-23T04:54:28.123Z");

    private final ImageView nginx = ImageView.of(ref("nginx:1.27"), image("nginx:1.27", namespaces("default", 2, "web", 1),
            classified("nginx:1.27", "debian", "12", Fips.NOT_DETECTED, "AVAILABLE")));
    private final ImageView ecr = ImageView.of(ref("602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/coredns:v1.8.4"),
            image("602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/coredns:v1.8.4", namespaces("kube-system", 2), null));
    private final ImageView byDigest = ImageView.of(ref("alpine@sha256:" + HEX),
            image("alpine@sha256:" + HEX, namespaces("default", 1), null));

    @Test
    void shouldWriteKaisShapeWhenSerialised() throws Exception {
        // When the report of three images is written as JSON
        JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(
                KaiInventory.report(List.of(nginx, ecr, byDigest), "eks-prod", MissingTagPolicy.DIGEST, "UNKNOWN", NOW)));

        // Then it has KAI's top-level fields and per-namespace {tag, repoDigest} entries
        assertThat(json.get("timestamp").asText()).isEqualTo("2026-11-23T04:54:28Z");
        assertThat(json.get("cluster_name").asText()).isEqualTo("eks-prod");
        assertThat(json.get("inventory_type").asText()).isEqualTo("kubernetes");
        assertThat(json.get("results")).extracting(n -> n.get("namespace").asText())
                .containsExactly("default", "kube-system", "web");
        JsonNode defaults = json.get("results").get(0).get("images");
        assertThat(defaults).hasSize(2);
        assertThat(defaults.get(0).get("tag").asText()).isEqualTo("alpine:" + HEX);
        assertThat(defaults.get(0).get("repoDigest").asText()).isEqualTo(Samples.DIGEST);
        assertThat(defaults.get(1).get("tag").asText()).isEqualTo("nginx:1.27");
        assertThat(json.get("results").get(1).get("images").get(0).get("tag").asText())
                .isEqualTo("602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/coredns:v1.8.4");
        assertThat(defaults.get(0).fieldNames()).toIterable().containsExactly("tag", "repoDigest");
    }

    @Test
    void shouldUseTheDigestAsTagWhenPolicyIsDigest() {
        assertThat(KaiInventory.tag(byDigest, MissingTagPolicy.DIGEST, "UNKNOWN")).contains("alpine:" + HEX);
    }

    @Test
    void shouldInsertTheDummyTagWhenPolicyIsInsert() {
        assertThat(KaiInventory.tag(byDigest, MissingTagPolicy.INSERT, "UNKNOWN")).contains("alpine:UNKNOWN");
        assertThat(KaiInventory.tag(nginx, MissingTagPolicy.INSERT, "UNKNOWN")).contains("nginx:1.27");
    }

    @Test
    void shouldLeaveDigestOnlyImagesOutWhenPolicyIsDrop() {
        KaiInventory.Report report = KaiInventory.report(List.of(nginx, byDigest), "c", MissingTagPolicy.DROP, "UNKNOWN", NOW);

        assertThat(report.results().get(0).images()).extracting(KaiInventory.Image::tag).containsExactly("nginx:1.27");
    }

    @Test
    void shouldKeepTheRegistryWhenItIsNotDockerHub() {
        assertThat(KaiInventory.shortName(ref("ghcr.io/org/app:1"))).isEqualTo("ghcr.io/org/app");
        assertThat(KaiInventory.shortName(ref("org/app:1"))).isEqualTo("org/app");
        assertThat(KaiInventory.shortName(ref("nginx"))).isEqualTo("nginx");
    }
}
