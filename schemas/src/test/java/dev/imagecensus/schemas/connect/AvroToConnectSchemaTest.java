package dev.imagecensus.schemas.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagecensus.schemas.avro.DeadLetter;
import dev.imagecensus.schemas.avro.ImageClassification;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.avro.ImageInventory;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

/** Avro schema → Connect schema, as a sink connector sees it. */
class AvroToConnectSchemaTest {

    private final AvroData avroData = new AvroData();

    @Test
    void shouldGiveSinksAFlatStructWhenReadingImageInventory() {
        // When
        Schema schema = avroData.toConnectSchema(ImageInventory.SCHEMA$);

        // Then: one column per field, required where Avro is, optional where it is ["null", string]
        assertThat(schema.type()).isEqualTo(Schema.Type.STRUCT);
        assertThat(schema.name()).isEqualTo("dev.imagecensus.schemas.avro.ImageInventory");
        assertThat(schema.doc()).startsWith("Current per-image state");
        assertThat(schema.isOptional()).isFalse();
        assertThat(schema.fields()).extracting(Field::name).containsExactly("image", "registry", "repository", "tag",
                "digest", "containers", "namespaces", "runningDigests", "classified", "existence", "os", "architecture",
                "distroStatus", "distroId", "distroVersion", "distroName", "fips", "fipsEvidence", "partial",
                "firstSeen", "updatedAt");
        assertThat(schema.fields()).extracting(f -> f.schema().type())
                .doesNotContain(Schema.Type.STRUCT, Schema.Type.ARRAY, Schema.Type.MAP);
        assertThat(schema.field("image").schema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(schema.field("tag").schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
        assertThat(schema.field("fipsEvidence").schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
        assertThat(schema.field("containers").schema()).isEqualTo(Schema.INT32_SCHEMA);
        assertThat(schema.field("classified").schema().type()).isEqualTo(Schema.Type.BOOLEAN);
        assertThat(schema.field("classified").schema().defaultValue()).isEqualTo(false);
        assertThat(schema.field("namespaces").schema().defaultValue()).isEqualTo("");
        assertThat(schema.field("firstSeen").schema()).isEqualTo(Timestamp.SCHEMA);
        assertThat(schema.parameters()).containsEntry(AvroConnectNames.FIELD_DOC_PREFIX + "containers",
                "Live containers using the image.");
    }

    @Test
    void shouldKeepFieldDefaultsWhenConnectCanHoldThem() {
        // When
        Schema event = avroData.toConnectSchema(ImageEvent.SCHEMA$);
        Schema deadLetter = avroData.toConnectSchema(DeadLetter.SCHEMA$);
        Schema classification = avroData.toConnectSchema(ImageClassification.SCHEMA$);

        // Then
        assertThat(event.field("phase").schema().defaultValue()).isEqualTo("Unknown");
        assertThat(event.field("containerType").schema().defaultValue()).isEqualTo("APP");
        assertThat(deadLetter.field("headers").schema().defaultValue()).isEqualTo(Map.of());
        assertThat(classification.field("platforms").schema().defaultValue()).isEqualTo(List.of());
        assertThat(classification.field("layers").schema().defaultValue()).isEqualTo(0);
        assertThat(classification.field("manifestDigest").schema().defaultValue()).isNull();
    }

    @Test
    void shouldMapEnumToStringKeepingSymbolsWhenFieldIsAvroEnum() {
        // When
        Schema existence = avroData.toConnectSchema(ImageClassification.SCHEMA$).field("existence").schema();

        // Then: Confluent's parameters, symbols in declaration order
        assertThat(existence.type()).isEqualTo(Schema.Type.STRING);
        assertThat(existence.name()).isEqualTo("dev.imagecensus.schemas.avro.Existence");
        assertThat(existence.parameters())
                .containsEntry(AvroConnectNames.ENUM, "dev.imagecensus.schemas.avro.Existence")
                .containsEntry(AvroConnectNames.ENUM_DEFAULT_PREFIX + "dev.imagecensus.schemas.avro.Existence", "UNKNOWN_ERROR");
        assertThat(existence.parameters().entrySet().stream()
                .filter(e -> e.getKey().startsWith(AvroConnectNames.ENUM_SYMBOL_PREFIX))
                .map(Map.Entry::getValue))
                .containsExactly("AVAILABLE", "ABSENT", "BAD_IMAGE_FORMAT", "REGISTRY_UNAVAILABLE",
                        "AUTHENTICATION_FAILURE", "AUTHORIZATION_FAILURE", "UNKNOWN_ERROR");
    }

    @Test
    void shouldMapNullableRecordsArraysAndMapsWhenNested() {
        // When
        Schema classification = avroData.toConnectSchema(ImageClassification.SCHEMA$);
        Schema deadLetter = avroData.toConnectSchema(DeadLetter.SCHEMA$);

        // Then
        Schema platform = classification.field("platform").schema();
        assertThat(platform.type()).isEqualTo(Schema.Type.STRUCT);
        assertThat(platform.isOptional()).isTrue();
        assertThat(platform.name()).isEqualTo("dev.imagecensus.schemas.avro.Platform");
        assertThat(platform.field("variant").schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
        Schema evidence = classification.field("fipsEvidence").schema();
        assertThat(evidence.type()).isEqualTo(Schema.Type.ARRAY);
        assertThat(evidence.valueSchema().name()).isEqualTo("dev.imagecensus.schemas.avro.FipsEvidence");
        Schema headers = deadLetter.field("headers").schema();
        assertThat(headers.type()).isEqualTo(Schema.Type.MAP);
        assertThat(headers.keySchema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(headers.valueSchema()).isEqualTo(Schema.BYTES_SCHEMA);
        assertThat(deadLetter.field("key").schema()).isEqualTo(Schema.OPTIONAL_BYTES_SCHEMA);
    }

    @Test
    void shouldMapEveryPrimitiveAndLogicalTypeWhenConverting() {
        // Given
        org.apache.avro.Schema avro = parse("""
                {"type": "record", "name": "AllTypes", "namespace": "t", "fields": [
                  {"name": "i", "type": "int"}, {"name": "l", "type": "long"}, {"name": "f", "type": "float"},
                  {"name": "d", "type": "double"}, {"name": "b", "type": "boolean"}, {"name": "s", "type": "string"},
                  {"name": "bytes", "type": "bytes"},
                  {"name": "fixed", "type": {"type": "fixed", "name": "Md5", "size": 16}},
                  {"name": "ts", "type": {"type": "long", "logicalType": "timestamp-millis"}},
                  {"name": "day", "type": {"type": "int", "logicalType": "date"}},
                  {"name": "time", "type": {"type": "int", "logicalType": "time-millis"}},
                  {"name": "money", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}},
                  {"name": "tiny", "type": {"type": "int", "connect.type": "int8"}}
                ]}""");

        // When
        Schema schema = avroData.toConnectSchema(avro);

        // Then
        assertThat(schema.fields()).extracting(f -> f.schema().type()).containsExactly(
                Schema.Type.INT32, Schema.Type.INT64, Schema.Type.FLOAT32, Schema.Type.FLOAT64, Schema.Type.BOOLEAN,
                Schema.Type.STRING, Schema.Type.BYTES, Schema.Type.BYTES, Schema.Type.INT64, Schema.Type.INT32,
                Schema.Type.INT32, Schema.Type.BYTES, Schema.Type.INT8);
        assertThat(schema.field("fixed").schema().name()).isEqualTo("t.Md5");
        assertThat(schema.field("fixed").schema().parameters()).containsEntry(AvroConnectNames.FIXED_SIZE, "16");
        assertThat(schema.field("ts").schema()).isEqualTo(Timestamp.SCHEMA);
        assertThat(schema.field("day").schema()).isEqualTo(Date.SCHEMA);
        assertThat(schema.field("time").schema()).isEqualTo(Time.SCHEMA);
        Schema money = schema.field("money").schema();
        assertThat(money.name()).isEqualTo(Decimal.LOGICAL_NAME);
        assertThat(money.parameters()).containsEntry(Decimal.SCALE_FIELD, "2")
                .containsEntry(AvroConnectNames.DECIMAL_PRECISION, "10");
    }

    @Test
    void shouldMapGeneralUnionToStructWithOneOptionalFieldPerBranchWhenMoreThanNullAndOneType() {
        // Given
        org.apache.avro.Schema avro = parse("""
                ["null", "string", "long", {"type": "record", "name": "Ref", "namespace": "t",
                  "fields": [{"name": "image", "type": "string"}]}]""");

        // When
        Schema union = avroData.toConnectSchema(avro);

        // Then
        assertThat(union.type()).isEqualTo(Schema.Type.STRUCT);
        assertThat(union.name()).isEqualTo(AvroConnectNames.UNION);
        assertThat(union.isOptional()).isTrue();
        assertThat(union.fields()).extracting(Field::name).containsExactly("string", "long", "Ref");
        assertThat(union.fields()).allMatch(f -> f.schema().isOptional());
        assertThat(union.field("Ref").schema().name()).isEqualTo("t.Ref");
    }

    @Test
    void shouldFailClearlyWhenRecordIsRecursive() {
        // Given
        org.apache.avro.Schema avro = parse("""
                {"type": "record", "name": "Layer", "fields": [{"name": "parent", "type": ["null", "Layer"]}]}""");

        // When / Then
        assertThatThrownBy(() -> avroData.toConnectSchema(avro))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("Layer refers to itself");
    }

    @Test
    void shouldReuseTheConvertedSchemaWhenTheSameAvroSchemaComesAgain() {
        // When
        Schema first = avroData.toConnectSchema(ImageEvent.SCHEMA$);
        Schema second = avroData.toConnectSchema(ImageEvent.SCHEMA$);

        // Then
        assertThat(second).isSameAs(first);
    }

    private static org.apache.avro.Schema parse(String json) {
        return new org.apache.avro.Schema.Parser().parse(json);
    }
}
