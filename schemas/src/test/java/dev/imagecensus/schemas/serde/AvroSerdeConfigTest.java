package dev.imagecensus.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AvroSerdeConfigTest {

    @Test
    void shouldUseDefaultsWhenNothingIsSet() {
        assertThat(AvroSerdeConfig.parse(Map.of("schema.registry.url", "http://r"))).isEqualTo(AvroSerdeConfig.DEFAULTS);
        assertThat(AvroSerdeConfig.parse(null)).isEqualTo(new AvroSerdeConfig(true, false, false));
    }

    @Test
    void shouldReadBooleansWhenGivenAsStringsOrBooleans() {
        AvroSerdeConfig config = AvroSerdeConfig.parse(Map.of("auto.register.schemas", "FALSE",
                "use.latest.version", true, "specific.avro.reader", " true "));

        assertThat(config).isEqualTo(new AvroSerdeConfig(false, true, true));
    }

    @Test
    void shouldNameTheKeyWhenBooleanIsBad() {
        assertThatThrownBy(() -> AvroSerdeConfig.parse(Map.of("use.latest.version", "yes")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("use.latest.version")
                .hasMessageContaining("true or false");
    }

    @Test
    void shouldAcceptConfluentTopicNameStrategyWhenConfigured() {
        assertThat(AvroSerdeConfig.parse(Map.of(
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicNameStrategy",
                "key.subject.name.strategy", TopicNameStrategy.class))).isEqualTo(AvroSerdeConfig.DEFAULTS);
    }

    @Test
    void shouldRejectOtherSubjectStrategiesWhenConfigured() {
        assertThatThrownBy(() -> AvroSerdeConfig.parse(Map.of(
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("value.subject.name.strategy")
                .hasMessageContaining("TopicNameStrategy");
    }
}
