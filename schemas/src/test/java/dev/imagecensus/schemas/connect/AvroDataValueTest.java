package dev.imagecensus.schemas.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagecensus.schemas.avro.AuditAction;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

/** Avro values ⇄ Connect values, field by field type. */
class AvroDataValueTest {

    private static final org.apache.avro.Schema ALL = new org.apache.avro.Schema.Parser().parse("""
            {"type": "record", "name": "Row", "namespace": "t", "fields": [
              {"name": "ts", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "day", "type": {"type": "int", "logicalType": "date"}},
              {"name": "time", "type": {"type": "int", "logicalType": "time-millis"}},
              {"name": "money", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}},
              {"name": "wide", "type": {"type": "fixed", "name": "Wide", "size": 8, "logicalType": "decimal", "precision": 18, "scale": 2}},
              {"name": "md5", "type": {"type": "fixed", "name": "Md5", "size": 4}},
              {"name": "blob", "type": "bytes"},
              {"name": "action", "type": {"type": "enum", "name": "AuditAction", "symbols": ["ENTERED", "LEFT"]}},
              {"name": "note", "type": ["null", "string"], "default": null}
            ]}""");
    private static final Instant AT = Instant.parse("2025-03-14T09:26:53.589Z");

    private final AvroData avroData = new AvroData();

    @Test
    void shouldGiveConnectLogicalValuesWhenAvroHoldsRawValues() {
        // Given: what a generic reader yields
        GenericRecord raw = new GenericData.Record(ALL);
        raw.put("ts", AT.toEpochMilli());
        raw.put("day", 20_161);
        raw.put("time", 33_000_123);
        raw.put("money", ByteBuffer.wrap(BigInteger.valueOf(-1234).toByteArray()));
        raw.put("wide", new GenericData.Fixed(ALL.getField("wide").schema(), new byte[] {-1, -1, -1, -1, -1, -1, -5, 46}));
        raw.put("md5", new GenericData.Fixed(ALL.getField("md5").schema(), new byte[] {1, 2, 3, 4}));
        raw.put("blob", ByteBuffer.wrap(new byte[] {9, 8, 7}));
        raw.put("action", new GenericData.EnumSymbol(ALL.getField("action").schema(), "LEFT"));

        // When
        Struct struct = (Struct) avroData.toConnectData(ALL, raw).value();

        // Then
        assertThat(struct.get("ts")).isEqualTo(Date.from(AT));
        assertThat(struct.get("day")).isEqualTo(Date.from(Instant.parse("2025-03-14T00:00:00Z")));
        assertThat(struct.get("time")).isEqualTo(new Date(33_000_123L));
        assertThat(struct.get("money")).isEqualTo(new BigDecimal("-12.34"));
        assertThat(struct.get("wide")).isEqualTo(new BigDecimal("-12.34"));
        assertThat(struct.getBytes("md5")).containsExactly(1, 2, 3, 4);
        assertThat(struct.getBytes("blob")).containsExactly(9, 8, 7);
        assertThat(struct.get("action")).isEqualTo("LEFT");
        assertThat(struct.get("note")).isNull();
    }

    @Test
    void shouldGiveTheSameConnectValuesWhenAvroHoldsConvertedValues() {
        // Given: what generated classes hold (java.time, BigDecimal, Java enums)
        GenericRecord converted = new GenericData.Record(ALL);
        converted.put("ts", AT);
        converted.put("day", LocalDate.of(2025, 3, 14));
        converted.put("time", LocalTime.ofNanoOfDay(33_000_123_000_000L));
        converted.put("money", new BigDecimal("-12.34"));
        converted.put("wide", new BigDecimal("-12.34"));
        converted.put("md5", new GenericData.Fixed(ALL.getField("md5").schema(), new byte[] {1, 2, 3, 4}));
        converted.put("blob", ByteBuffer.wrap(new byte[] {9, 8, 7}));
        converted.put("action", AuditAction.LEFT);
        converted.put("note", "first seen on node-a-1");

        // When
        Struct struct = (Struct) avroData.toConnectData(ALL, converted).value();

        // Then
        assertThat(struct.get("ts")).isEqualTo(Date.from(AT));
        assertThat(struct.get("day")).isEqualTo(Date.from(Instant.parse("2025-03-14T00:00:00Z")));
        assertThat(struct.get("time")).isEqualTo(new Date(33_000_123L));
        assertThat(struct.get("money")).isEqualTo(new BigDecimal("-12.34"));
        assertThat(struct.get("wide")).isEqualTo(new BigDecimal("-12.34"));
        assertThat(struct.get("action")).isEqualTo("LEFT");
        assertThat(struct.get("note")).isEqualTo("first seen on node-a-1");
    }

    @Test
    void shouldWriteRawAvroValuesWhenConvertingConnectLogicalValuesBack() {
        // Given
        Schema connect = avroData.toConnectSchema(ALL);
        Struct struct = new Struct(connect)
                .put("ts", Date.from(AT))
                .put("day", Date.from(Instant.parse("2025-03-14T00:00:00Z")))
                .put("time", new Date(33_000_123L))
                .put("money", new BigDecimal("-12.34"))
                .put("wide", new BigDecimal("-12.34"))
                .put("md5", new byte[] {1, 2, 3, 4})
                .put("blob", ByteBuffer.wrap(new byte[] {0, 9, 8, 7}, 1, 3))
                .put("action", "ENTERED");

        // When
        GenericRecord avro = (GenericRecord) avroData.fromConnectData(ALL, connect, struct);

        // Then
        assertThat(avro.get("ts")).isEqualTo(AT.toEpochMilli());
        assertThat(avro.get("day")).isEqualTo(20_161);
        assertThat(avro.get("time")).isEqualTo(33_000_123);
        assertThat(avro.get("money")).isEqualTo(ByteBuffer.wrap(BigInteger.valueOf(-1234).toByteArray()));
        assertThat(((GenericData.Fixed) avro.get("wide")).bytes()).containsExactly(-1, -1, -1, -1, -1, -1, -5, 46);
        assertThat(((GenericData.Fixed) avro.get("md5")).bytes()).containsExactly(1, 2, 3, 4);
        assertThat(avro.get("blob")).isEqualTo(ByteBuffer.wrap(new byte[] {9, 8, 7}));
        assertThat(avro.get("action")).isEqualTo(new GenericData.EnumSymbol(ALL.getField("action").schema(), "ENTERED"));
        assertThat(avro.get("note")).isNull();
    }

    @Test
    void shouldLeaveTheCallersBufferUntouchedWhenReadingBytes() {
        // Given
        ByteBuffer blob = ByteBuffer.wrap(new byte[] {0, 9, 8, 7}, 1, 3);
        org.apache.avro.Schema bytes = org.apache.avro.Schema.create(org.apache.avro.Schema.Type.BYTES);

        // When
        SchemaAndValue connect = avroData.toConnectData(bytes, blob);

        // Then
        assertThat((byte[]) connect.value()).containsExactly(9, 8, 7);
        assertThat(blob.position()).isEqualTo(1);
    }

    @Test
    void shouldRescaleDecimalWhenConnectScaleDiffersWithoutLosingDigits() {
        // Given
        Schema connect = avroData.toConnectSchema(ALL.getField("money").schema());

        // When
        Object avro = avroData.fromConnectData(ALL.getField("money").schema(), connect, new BigDecimal("7.5"));

        // Then
        assertThat(avro).isEqualTo(ByteBuffer.wrap(BigInteger.valueOf(750).toByteArray()));
        assertThatThrownBy(() -> avroData.fromConnectData(ALL.getField("money").schema(), connect, new BigDecimal("7.555")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("as Avro BYTES");
    }

    @Test
    void shouldFailNamingTheFieldWhenEnumSymbolIsUnknown() {
        // Given
        Schema connect = avroData.toConnectSchema(ALL);
        Struct struct = validRow(connect).put("action", "MOVED");

        // When / Then
        assertThatThrownBy(() -> avroData.fromConnectData(connect, struct))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'MOVED' at t.Row.action is not a symbol of Avro enum t.AuditAction [ENTERED, LEFT]");
    }

    @Test
    void shouldFailNamingTheFieldWhenRequiredValueIsNull() {
        // Given: a struct built against a looser schema, as an SMT might produce
        Schema loose = org.apache.kafka.connect.data.SchemaBuilder.struct().name("t.Row")
                .field("ts", Schema.OPTIONAL_INT64_SCHEMA).build();
        Struct struct = new Struct(loose);

        // When / Then
        assertThatThrownBy(() -> avroData.fromConnectData(ALL, loose, struct))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("null at t.Row.ts but Avro type LONG is not nullable");
    }

    @Test
    void shouldFailWhenDateIsNotAtUtcMidnight() {
        // Given
        Schema connect = avroData.toConnectSchema(ALL);
        Struct struct = validRow(connect);
        struct.put("day", Date.from(AT)); // Struct.put does not check Connect's Date rule

        // When / Then
        assertThatThrownBy(() -> avroData.fromConnectData(connect, struct))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("t.Row.day is not a UTC midnight");
    }

    private static Struct validRow(Schema connect) {
        return new Struct(connect).put("ts", Date.from(AT)).put("day", new Date(0)).put("time", new Date(0))
                .put("money", new BigDecimal("1.00")).put("wide", new BigDecimal("1.00"))
                .put("md5", new byte[4]).put("blob", new byte[0]).put("action", "LEFT");
    }
}
