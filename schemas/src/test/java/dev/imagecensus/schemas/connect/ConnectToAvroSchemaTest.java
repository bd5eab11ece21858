package dev.imagecensus.schemas.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

/** Connect schema → Avro schema, as a source connector's records get registered. */
class ConnectToAvroSchemaTest {

    private final AvroData avroData = new AvroData();

    @Test
    void shouldWriteOptionalFieldAsNullFirstUnionWithNullDefaultWhenItHasNoDefault() {
        // Given
        Schema connect = SchemaBuilder.struct().name("t.Row").field("tag", Schema.OPTIONAL_STRING_SCHEMA).build();

        // When
        org.apache.avro.Schema.Field tag = avroData.fromConnectSchema(connect).getField("tag");

        // Then
        assertThat(tag.schema().toString()).isEqualTo("[\"null\",\"string\"]");
        assertThat(tag.defaultVal()).isEqualTo(JsonProperties.NULL_VALUE);
    }

    @Test
    void shouldPutNullLastWhenOptionalFieldHasADefault() {
        // Given: Avro wants a union default to match the first branch
        Schema connect = SchemaBuilder.struct().name("t.Row")
                .field("phase", SchemaBuilder.string().optional().defaultValue("Unknown").build())
                .field("seen", Timestamp.builder().defaultValue(new java.util.Date(1_000L)).build())
                .build();

        // When
        org.apache.avro.Schema avro = avroData.fromConnectSchema(connect);

        // Then
        assertThat(avro.getField("phase").schema().toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(avro.getField("phase").defaultVal()).isEqualTo("Unknown");
        assertThat(avro.getField("seen").schema().getLogicalType()).isEqualTo(LogicalTypes.timestampMillis());
        assertThat(avro.getField("seen").defaultVal()).isEqualTo(1_000L);
    }

    @Test
    void shouldKeepInt8AndInt16WhenConvertingThroughAvroInt() {
        // Given
        Schema connect = SchemaBuilder.struct().name("t.Row")
                .field("tiny", Schema.INT8_SCHEMA).field("small", Schema.INT16_SCHEMA).build();

        // When
        org.apache.avro.Schema avro = avroData.fromConnectSchema(connect);

        // Then
        assertThat(avro.getField("tiny").schema().getType()).isEqualTo(org.apache.avro.Schema.Type.INT);
        assertThat(avro.getField("tiny").schema().getProp(AvroConnectNames.CONNECT_TYPE_PROP)).isEqualTo("int8");
        assertThat(new AvroData().toConnectSchema(avro)).isEqualTo(connect);
    }

    @Test
    void shouldNameUnnamedStructsLikeConfluentWhenConnectSchemaHasNoName() {
        // Given
        Schema inner = SchemaBuilder.struct().field("x", Schema.INT32_SCHEMA).build();
        Schema outer = SchemaBuilder.struct().field("inner", inner).build();

        // When
        org.apache.avro.Schema avro = avroData.fromConnectSchema(outer);

        // Then: names are unique within the schema, as Avro requires
        assertThat(avro.getFullName()).isEqualTo("io.confluent.connect.avro.ConnectDefault");
        assertThat(avro.getField("inner").schema().getFullName()).isEqualTo("io.confluent.connect.avro.ConnectDefault2");
    }

    @Test
    void shouldDefineAStructOnceWhenItIsUsedByTwoFields() {
        // Given: Debezium's envelope uses one Value struct for before and after
        Schema value = SchemaBuilder.struct().name("db.images.Value").optional().field("id", Schema.INT64_SCHEMA).build();
        Schema envelope = SchemaBuilder.struct().name("db.images.Envelope")
                .field("before", value).field("after", value).build();

        // When
        org.apache.avro.Schema avro = avroData.fromConnectSchema(envelope);

        // Then: the printed schema refers to the second use by name, so it parses again
        assertThat(new org.apache.avro.Schema.Parser().parse(avro.toString())).isEqualTo(avro);
    }

    @Test
    void shouldWriteEnumWhenStringCarriesEnumParameters() {
        // Given
        Schema connect = SchemaBuilder.string().name("t.Action")
                .parameter(AvroConnectNames.ENUM, "t.Action")
                .parameter(AvroConnectNames.ENUM_SYMBOL_PREFIX + "ENTERED", "ENTERED")
                .parameter(AvroConnectNames.ENUM_SYMBOL_PREFIX + "LEFT", "LEFT")
                .build();

        // When
        org.apache.avro.Schema avro = avroData.fromConnectSchema(connect);

        // Then
        assertThat(avro.getType()).isEqualTo(org.apache.avro.Schema.Type.ENUM);
        assertThat(avro.getFullName()).isEqualTo("t.Action");
        assertThat(avro.getEnumSymbols()).containsExactly("ENTERED", "LEFT");
    }

    @Test
    void shouldWriteBytesDecimalWithDefaultPrecisionWhenConnectDecimalHasNone() {
        // When
        org.apache.avro.Schema avro = avroData.fromConnectSchema(Decimal.schema(3));

        // Then
        assertThat(avro.getType()).isEqualTo(org.apache.avro.Schema.Type.BYTES);
        assertThat(avro.getLogicalType()).isEqualTo(LogicalTypes.decimal(64, 3));
    }

    @Test
    void shouldRejectMapWhenKeysAreNotStrings() {
        // Given
        Schema connect = SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.STRING_SCHEMA).build();

        // When / Then
        assertThatThrownBy(() -> avroData.fromConnectSchema(connect))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("INT32 keys");
    }

    @Test
    void shouldRejectStructWhenItsNameIsNotAValidAvroName() {
        // Given
        Schema connect = SchemaBuilder.struct().name("image-census.Value").field("x", Schema.INT32_SCHEMA).build();

        // When / Then
        assertThatThrownBy(() -> avroData.fromConnectSchema(connect))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'image-census.Value' is not a valid Avro name");
    }
}
