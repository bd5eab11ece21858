package dev.imagecensus.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class AggregatorConfigTest {

    private AggregatorConfig.Builder valid() {
        return AggregatorConfig.builder().bootstrapServers("kafka:9092").schemaRegistryUrl("http://registry:8081");
    }

    @Test
    void shouldFixExactlyOnceAndExplicitNamingWhenBuildingStreamsProperties() {
        // Given a valid configuration with a pass-through property
        AggregatorConfig config = valid().stateDir(Path.of("/var/lib/agg")).streamThreads(2)
                .kafkaProperty("commit.interval.ms", "250").build();

        // When the Kafka Streams properties are derived
        Properties properties = config.streamsProperties();

        // Then the fixed settings and the pass-through are there
        assertThat(properties)
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, AggregatorConfig.DEFAULT_APPLICATION_ID)
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true")
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, Path.of("/var/lib/agg").toString())
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "2")
                .containsEntry("commit.interval.ms", "250");
        assertThat(config.registryClientProperties()).containsEntry("schema.registry.url", "http://registry:8081");
    }

    @Test
    void shouldRunTwoStreamThreadsWhenNotTold() {
        assertThat(valid().build().streamsProperties()).containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "2");
    }

    @Test
    void shouldNameEveryBadSettingWhenInvalid() {
        assertThatThrownBy(() -> AggregatorConfig.builder().applicationId("bad id!").schemaRegistryUrl("ftp://x")
                .streamThreads(0).replicationFactor(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("application-id")
                .hasMessageContaining("bootstrap-servers: required")
                .hasMessageContaining("schema-registry-url: 'ftp://x'")
                .hasMessageContaining("stream-threads: 0")
                .hasMessageContaining("replication-factor: 0");
    }

    @Test
    void shouldRefuseToOverrideExactlyOnceWhenPassedThrough() {
        assertThatThrownBy(() -> valid().kafkaProperty("processing.guarantee", "at_least_once").build())
                .hasMessageContaining("kafka-property processing.guarantee: set by the aggregator itself");
    }

    @Test
    void shouldMaskSecretsWhenPrinted() {
        String printed = valid().schemaRegistryUrl("https://user:pw@registry:8081")
                .registryProperty("basic.auth.user.info", "user:secret")
                .kafkaProperty("sasl.jaas.config", "secret-jaas").build().toString();

        assertThat(printed).doesNotContain("pw@", "user:secret", "secret-jaas").contains("****");
    }

    @Test
    void shouldAdvertiseTheHttpAddressToStreamsWhenApplicationServerIsSet() {
        AggregatorConfig config = valid().httpPort(8081).applicationServer("aggregator-0.aggregator:8081")
                .clusterName("eks-prod").missingTagPolicy(MissingTagPolicy.INSERT).missingTag("NONE").build();

        assertThat(config.streamsProperties()).containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "aggregator-0.aggregator:8081");
        assertThat(config.toString()).contains("httpPort=8081", "clusterName=eks-prod", "missingTagPolicy=INSERT");
        assertThat(valid().build().streamsProperties()).doesNotContainKey(StreamsConfig.APPLICATION_SERVER_CONFIG);
        assertThat(valid().build().missingTagPolicy()).isEqualTo(MissingTagPolicy.DIGEST);
    }

    @Test
    void shouldNameBadHttpSettingsWhenInvalid() {
        assertThatThrownBy(() -> valid().httpPort(70000).applicationServer("no-port").clusterName(" ").missingTag("bad tag")
                .missingTagPolicy(null).build())
                .hasMessageContaining("http-port: 70000")
                .hasMessageContaining("application-server: 'no-port'")
                .hasMessageContaining("cluster-name: required")
                .hasMessageContaining("missing-tag-policy: required")
                .hasMessageContaining("missing-tag: 'bad tag'");
        assertThatThrownBy(() -> valid().kafkaProperty("application.server", "x:1").build())
                .hasMessageContaining("kafka-property application.server: set by the aggregator itself");
        assertThatThrownBy(() -> MissingTagPolicy.parse("guess")).hasMessageContaining("digest, insert or drop");
        assertThat(MissingTagPolicy.parse(" Drop ")).isEqualTo(MissingTagPolicy.DROP);
    }
}
