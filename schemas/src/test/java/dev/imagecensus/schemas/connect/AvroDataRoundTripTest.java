package dev.imagecensus.schemas.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every record type of the data contract survives Avro → Connect → Avro. */
class AvroDataRoundTripTest {

    private final AvroData avroData = new AvroData();

    static Stream<Named<SpecificRecord>> records() {
        return Stream.of(Fixtures.imageEvent(), Fixtures.imageClassification(), Fixtures.imageInventory(),
                        Fixtures.imageAudit(), Fixtures.deadLetter())
                .map(record -> Named.of(record.getSchema().getName(), record));
    }

    @ParameterizedTest
    @MethodSource("records")
    void shouldReadBackTheSameRecordWhenWrittenWithTheSchemaDerivedFromConnect(SpecificRecord record) {
        // Given
        SchemaAndValue connect = avroData.toConnectData(record.getSchema(), record);
        ((Struct) connect.value()).validate();

        // When
        Schema derived = avroData.fromConnectSchema(connect.schema());
        byte[] bytes = AvroIo.write(derived, avroData.fromConnectData(connect.schema(), connect.value()));

        // Then: a consumer reading with the generated schema gets exactly what the record holds
        assertThat(AvroIo.readGeneric(bytes, derived, record.getSchema())).isEqualTo(asRead(record));
    }

    @ParameterizedTest
    @MethodSource("records")
    void shouldReadBackTheSameRecordWhenWrittenWithTheOriginalSchema(SpecificRecord record) {
        // Given
        SchemaAndValue connect = avroData.toConnectData(record.getSchema(), record);

        // When: as with use.latest.version, the target is the registered schema, not the derived one
        Object avro = avroData.fromConnectData(record.getSchema(), connect.schema(), connect.value());
        byte[] bytes = AvroIo.write(record.getSchema(), avro);

        // Then: byte for byte what a producer of the generated class writes
        assertThat(bytes).isEqualTo(AvroIo.write(record.getSchema(), record));
    }

    @ParameterizedTest
    @MethodSource("records")
    void shouldDeriveTheDeclaredAvroSchemaWhenConvertingItsConnectSchemaBack(SpecificRecord record) {
        // Given
        Schema declared = AvroIo.declared(record.getSchema().getName());

        // When
        Schema derived = avroData.fromConnectSchema(avroData.toConnectSchema(record.getSchema()));

        // Then: names, types, logical types, enum symbols and defaults; Avro's equals ignores docs, so check those too
        assertThat(derived).isEqualTo(declared);
        assertThat(derived.getDoc()).isEqualTo(declared.getDoc());
        for (Schema.Field field : declared.getFields()) {
            assertThat(derived.getField(field.name()).doc()).as(field.name()).isEqualTo(field.doc());
        }
    }

    @ParameterizedTest
    @MethodSource("records")
    void shouldGiveTheSameConnectValueWhenTheRecordIsGenericRawData(SpecificRecord record) {
        // Given: what a generic reader yields (Utf8, Long, EnumSymbol, ByteBuffer) rather than generated classes
        Object generic = asRead(record);

        // When
        SchemaAndValue fromGeneric = avroData.toConnectData(record.getSchema(), generic);
        SchemaAndValue fromSpecific = avroData.toConnectData(record.getSchema(), record);

        // Then
        assertThat(fromGeneric.schema()).isEqualTo(fromSpecific.schema());
        assertThat(fromGeneric.value()).usingRecursiveComparison().isEqualTo(fromSpecific.value());
    }

    private static Object asRead(SpecificRecord record) {
        return AvroIo.readGeneric(AvroIo.write(record.getSchema(), record), record.getSchema(), record.getSchema());
    }
}
