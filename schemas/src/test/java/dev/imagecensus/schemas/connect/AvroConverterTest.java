package dev.imagecensus.schemas.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

/**
 * The converter's paths that never reach a registry. The registry round trip is covered by an *IT
 * against the real embedded registry.
 */
class AvroConverterTest {

    private final AvroConverter converter = new AvroConverter();

    @Test
    void shouldReturnNullSchemaAndValueWhenBytesAreNull() {
        // When
        SchemaAndValue tombstone = converter.toConnectData("image-inventory", null);

        // Then: sinks see a tombstone and can delete the row
        assertThat(tombstone).isSameAs(SchemaAndValue.NULL);
    }

    @Test
    void shouldReturnNullSchemaAndValueWhenBytesAreEmpty() {
        // When / Then
        assertThat(converter.toConnectData("image-inventory", new byte[0])).isSameAs(SchemaAndValue.NULL);
    }

    @Test
    void shouldWriteNullWhenValueIsNull() {
        // When / Then: a tombstone stays a tombstone, with or without a schema
        assertThat(converter.fromConnectData("image-inventory", null, null)).isNull();
        assertThat(converter.fromConnectData("image-inventory", Schema.OPTIONAL_STRING_SCHEMA, null)).isNull();
    }

    @Test
    void shouldFailNamingTopicAndMagicByteWhenBytesAreNotConfluentWireFormat() {
        // Given: a JSON value on an Avro topic
        byte[] json = "{\"image\":\"nginx\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        // When / Then
        assertThatThrownBy(() -> converter.toConnectData("image-inventory", json))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("topic image-inventory value")
                .hasMessageContaining("unknown magic byte 0x7b");
    }

    @Test
    void shouldFailWhenBytesAreShorterThanTheHeader() {
        // When / Then
        assertThatThrownBy(() -> converter.toConnectData("image-inventory", new byte[] {0, 0, 1}))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("3 bytes is shorter than the 5-byte");
    }

    @Test
    void shouldRejectSchemalessDataWhenValueHasNoSchema() {
        // When / Then
        assertThatThrownBy(() -> converter.fromConnectData("image-inventory", null, Map.of("image", "nginx")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("topic image-inventory value")
                .hasMessageContaining("schemaless data is not supported");
    }

    @Test
    void shouldFailConfigurationNamingTheKeyWhenRegistryUrlIsMissing() {
        // When / Then
        assertThatThrownBy(() -> converter.configure(Map.of("auto.register.schemas", "false"), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void shouldOfferConfluentKeysAndDefaultsWhenAskedForItsConfig() {
        // When
        ConfigDef config = converter.config();
        AvroConverterConfig defaults = new AvroConverterConfig(Map.of());

        // Then
        assertThat(config.names()).contains("schema.registry.url", "auto.register.schemas", "use.latest.version",
                "latest.cache.ttl.sec", "schemas.cache.config");
        assertThat(defaults.autoRegisterSchemas()).isTrue();
        assertThat(defaults.useLatestVersion()).isFalse();
    }

    @Test
    void shouldMaskCredentialsWhenConfigIsPrinted() {
        // Given
        AvroConverterConfig config = new AvroConverterConfig(
                Map.of("schema.registry.url", "https://census:s3cret@registry.example:8081"));

        // When / Then
        assertThat(config.toString()).contains("https://***@registry.example:8081").doesNotContain("s3cret");
    }
}
