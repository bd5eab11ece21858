package dev.imagecensus.schemas.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagecensus.schemas.avro.ImageEvent;
import java.util.Date;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

/** General unions, nulls, and writing into a target schema other than the derived one. */
class AvroDataUnionTest {

    private static final org.apache.avro.Schema REF = new org.apache.avro.Schema.Parser().parse("""
            {"type": "record", "name": "Ref", "namespace": "t", "fields": [{"name": "image", "type": "string"}]}""");
    private static final org.apache.avro.Schema UNION = org.apache.avro.Schema.createUnion(
            org.apache.avro.Schema.create(org.apache.avro.Schema.Type.NULL),
            org.apache.avro.Schema.create(org.apache.avro.Schema.Type.STRING),
            org.apache.avro.Schema.create(org.apache.avro.Schema.Type.LONG),
            REF);

    private final AvroData avroData = new AvroData();

    @Test
    void shouldSetExactlyTheBranchFieldWhenReadingAGeneralUnion() {
        // Given
        GenericRecord ref = new GenericData.Record(REF);
        ref.put("image", Fixtures.NGINX);

        // When
        Struct fromString = (Struct) avroData.toConnectData(UNION, "nginx").value();
        Struct fromLong = (Struct) avroData.toConnectData(UNION, 42L).value();
        Struct fromRecord = (Struct) avroData.toConnectData(UNION, ref).value();
        SchemaAndValue fromNull = avroData.toConnectData(UNION, null);

        // Then
        assertThat(fromString.get("string")).isEqualTo("nginx");
        assertThat(fromString.get("long")).isNull();
        assertThat(fromLong.get("long")).isEqualTo(42L);
        assertThat(fromRecord.getStruct("Ref").get("image")).isEqualTo(Fixtures.NGINX);
        assertThat(fromRecord.get("string")).isNull();
        assertThat(fromNull.value()).isNull();
        assertThat(fromNull.schema().isOptional()).isTrue();
    }

    @Test
    void shouldWriteTheSetBranchWhenConvertingAUnionStructBack() {
        // Given
        Schema connect = avroData.toConnectSchema(UNION);
        Struct ref = new Struct(connect.field("Ref").schema()).put("image", Fixtures.NGINX);

        // When
        Object asLong = avroData.fromConnectData(connect, new Struct(connect).put("long", 42L));
        Object asRecord = avroData.fromConnectData(connect, new Struct(connect).put("Ref", ref));
        Object asNull = avroData.fromConnectData(connect, null);

        // Then
        assertThat(avroData.fromConnectSchema(connect)).isEqualTo(UNION);
        assertThat(asLong).isEqualTo(42L);
        assertThat(((GenericRecord) asRecord).get("image")).isEqualTo(Fixtures.NGINX);
        assertThat(asNull).isNull();
    }

    @Test
    void shouldPickTheMatchingBranchWhenAPlainValueTargetsAGeneralUnion() {
        // When: e.g. use.latest.version against a schema that widened a field to a union
        Object asString = avroData.fromConnectData(UNION, Schema.STRING_SCHEMA, "nginx");
        Object asLong = avroData.fromConnectData(UNION, Schema.INT64_SCHEMA, 42L);

        // Then
        assertThat(asString).isEqualTo("nginx");
        assertThat(asLong).isEqualTo(42L);
        assertThatThrownBy(() -> avroData.fromConnectData(UNION, Schema.BOOLEAN_SCHEMA, true))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("accepts Connect BOOLEAN");
    }

    @Test
    void shouldTakeTheAvroDefaultWhenTheStructLacksAField() {
        // Given: a Connect schema from before ImageEvent gained its defaulted fields
        Schema older = SchemaBuilder.struct().name(ImageEvent.SCHEMA$.getFullName())
                .field("type", Schema.STRING_SCHEMA).field("cluster", Schema.STRING_SCHEMA)
                .field("namespace", Schema.STRING_SCHEMA).field("podName", Schema.STRING_SCHEMA)
                .field("podUid", Schema.STRING_SCHEMA).field("container", Schema.STRING_SCHEMA)
                .field("image", Schema.STRING_SCHEMA).field("observedAt", org.apache.kafka.connect.data.Timestamp.SCHEMA)
                .build();
        Struct struct = new Struct(older).put("type", "ADDED").put("cluster", "prod-eu1").put("namespace", "shop")
                .put("podName", "web-1").put("podUid", "uid-1").put("container", "nginx").put("image", "nginx")
                .put("observedAt", Date.from(Fixtures.OBSERVED));

        // When
        GenericRecord avro = (GenericRecord) avroData.fromConnectData(ImageEvent.SCHEMA$, older, struct);

        // Then
        assertThat(avro.get("phase")).isEqualTo("Unknown");
        assertThat(avro.get("ownerKind")).isEqualTo("Pod");
        assertThat(avro.get("containerType").toString()).isEqualTo("APP");
        assertThat(avro.get("digest")).isNull();
        assertThat(GenericData.get().validate(ImageEvent.SCHEMA$, avro)).isTrue();
    }

    @Test
    void shouldFailNamingTheFieldWhenTheStructLacksAFieldWithoutDefault() {
        // Given
        Schema partial = SchemaBuilder.struct().name(ImageEvent.SCHEMA$.getFullName())
                .field("type", Schema.STRING_SCHEMA).build();

        // When / Then
        assertThatThrownBy(() -> avroData.fromConnectData(ImageEvent.SCHEMA$, partial, new Struct(partial).put("type", "ADDED")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("no field for dev.imagecensus.schemas.avro.ImageEvent.cluster, which has no Avro default");
    }

    @Test
    void shouldGiveNullWhenOptionalValueIsNull() {
        // Given
        org.apache.avro.Schema optionalString = ImageEvent.SCHEMA$.getField("digest").schema();

        // When
        SchemaAndValue connect = avroData.toConnectData(optionalString, null);

        // Then
        assertThat(connect.schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
        assertThat(connect.value()).isNull();
        assertThat(avroData.fromConnectData(connect.schema(), null)).isNull();
    }
}
