package dev.imagecensus.watcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class WatcherConfigTest {

    private static WatcherConfig.Builder valid() {
        return WatcherConfig.builder().cluster("prod-eu1").kubeAccess(KubeAccess.inCluster())
                .bootstrapServers("kafka:9092").schemaRegistryUrl("http://registry:8081");
    }

    @Test
    void shouldApplyDefaultsWhenOnlyRequiredSettingsAreGiven() {
        WatcherConfig config = valid().build();

        assertThat(config.topic()).isEqualTo("image-events");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.listPageSize()).isEqualTo(500);
        assertThat(config.runningOnly()).isFalse();
        assertThat(config.namespaceInclude()).isEmpty();
    }

    static Stream<Arguments> badSettings() {
        return Stream.<Arguments>of(
                bad("cluster", b -> b.cluster(null)),
                bad("cluster", b -> b.cluster("a/b")),
                bad("kubeconfig/in-cluster", b -> b.kubeAccess(null)),
                bad("namespace-include: '[unclosed'", b -> b.namespaceInclude(List.of("[unclosed"))),
                bad("namespace-exclude: '*'", b -> b.namespaceExclude(List.of("*"))),
                bad("topic", b -> b.topic("bad topic")),
                bad("bootstrap-servers", b -> b.bootstrapServers(" ")),
                bad("schema-registry-url", b -> b.schemaRegistryUrl("registry:8081")),
                bad("schema-registry-url", b -> b.schemaRegistryUrl(null)),
                bad("http-port", b -> b.httpPort(70_000)),
                bad("list-page-size", b -> b.listPageSize(0)),
                bad("queue-capacity", b -> b.queueCapacity(0)));
    }

    private static Arguments bad(String setting, UnaryOperator<WatcherConfig.Builder> change) {
        return Arguments.of(setting, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void shouldNameTheSettingWhenItIsInvalid(String setting, UnaryOperator<WatcherConfig.Builder> change) {
        assertThatThrownBy(() -> change.apply(valid()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(setting);
    }

    @Test
    void shouldReportEveryProblemWhenSeveralSettingsAreBad() {
        assertThatThrownBy(() -> valid().cluster("").topic("").httpPort(-1).build())
                .hasMessageContaining("cluster:").hasMessageContaining("topic:").hasMessageContaining("http-port:");
    }

    @Test
    void shouldMaskSecretsWhenPrinted() {
        WatcherConfig config = valid().schemaRegistryUrl("https://user:pw@registry:8081")
                .kafkaProperty("sasl.jaas.config", "org.apache...PlainLoginModule password=\"hunter2\";")
                .kafkaProperty("security.protocol", "SASL_SSL")
                .registryProperty("basic.auth.user.info", "u:hunter2")
                .kubeAccess(KubeAccess.kubeconfig(Path.of("/home/me/.kube/config"), "prod"))
                .build();

        assertThat(config.toString()).doesNotContain("hunter2").doesNotContain("user:pw")
                .contains("security.protocol=SASL_SSL").contains("kubeconfig /home/me/.kube/config context prod");
    }
}
