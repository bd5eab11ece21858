package dev.imagecensus.schemas.connect;

import static dev.imagecensus.schemas.connect.AvroConnectNames.CONNECT_TYPE_PROP;
import static dev.imagecensus.schemas.connect.AvroConnectNames.DECIMAL_PRECISION;
import static dev.imagecensus.schemas.connect.AvroConnectNames.ENUM;
import static dev.imagecensus.schemas.connect.AvroConnectNames.ENUM_DEFAULT_PREFIX;
import static dev.imagecensus.schemas.connect.AvroConnectNames.ENUM_SYMBOL_PREFIX;
import static dev.imagecensus.schemas.connect.AvroConnectNames.FIELD_DOC_PREFIX;
import static dev.imagecensus.schemas.connect.AvroConnectNames.FIXED_SIZE;
import static dev.imagecensus.schemas.connect.AvroConnectNames.UNION;
import static dev.imagecensus.schemas.connect.AvroConnectNames.unionMemberName;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.SchemaBuilderException;

/** Avro schema → Connect schema, one instance per conversion (it tracks the records being converted). */
final class AvroToConnectSchema {

    private final Set<String> recordsInProgress = new HashSet<>();

    static Schema convert(org.apache.avro.Schema avro) {
        return new AvroToConnectSchema().builder(avro).build();
    }

    /** A builder (not yet built) so that a field can still add its default. */
    private SchemaBuilder builder(org.apache.avro.Schema avro) {
        return switch (avro.getType()) {
            case UNION -> union(avro);
            case RECORD -> record(avro);
            case ENUM -> enumeration(avro);
            case ARRAY -> SchemaBuilder.array(builder(avro.getElementType()).build());
            case MAP -> SchemaBuilder.map(Schema.STRING_SCHEMA, builder(avro.getValueType()).build());
            case FIXED -> fixed(avro);
            case BYTES -> isDecimal(avro) ? decimal(avro) : SchemaBuilder.bytes();
            case STRING -> SchemaBuilder.string();
            case INT -> integer(avro);
            case LONG -> isLogical(avro, LogicalTypes.timestampMillis()) ? Timestamp.builder() : SchemaBuilder.int64();
            case FLOAT -> SchemaBuilder.float32();
            case DOUBLE -> SchemaBuilder.float64();
            case BOOLEAN -> SchemaBuilder.bool();
            case NULL -> throw new DataException("Avro type null on its own has no Connect equivalent");
        };
    }

    private SchemaBuilder union(org.apache.avro.Schema avro) {
        List<org.apache.avro.Schema> branches = avro.getTypes().stream()
                .filter(t -> t.getType() != org.apache.avro.Schema.Type.NULL)
                .toList();
        boolean nullable = branches.size() < avro.getTypes().size();
        if (branches.isEmpty()) {
            throw new DataException("Avro union " + avro + " has only null; Connect has no null type");
        }
        SchemaBuilder builder = branches.size() == 1 ? builder(branches.get(0)) : generalUnion(branches);
        return nullable ? builder.optional() : builder;
    }

    // Confluent's shape: a struct with one optional field per branch, exactly one of them set.
    private SchemaBuilder generalUnion(List<org.apache.avro.Schema> branches) {
        SchemaBuilder union = SchemaBuilder.struct().name(UNION);
        for (org.apache.avro.Schema branch : branches) {
            String member = unionMemberName(branch);
            if (union.field(member) != null) {
                throw new DataException("Avro union has two branches named '" + member
                        + "'; Connect cannot tell them apart");
            }
            union.field(member, builder(branch).optional().build());
        }
        return union;
    }

    private SchemaBuilder record(org.apache.avro.Schema avro) {
        String name = avro.getFullName();
        if (!recordsInProgress.add(name)) {
            throw new DataException("Avro record " + name + " refers to itself; Connect schemas cannot be recursive");
        }
        SchemaBuilder struct = SchemaBuilder.struct().name(name).doc(avro.getDoc());
        for (org.apache.avro.Schema.Field field : avro.getFields()) {
            struct.field(field.name(), fieldSchema(field));
            if (field.doc() != null) {
                struct.parameter(FIELD_DOC_PREFIX + field.name(), field.doc());
            }
        }
        recordsInProgress.remove(name);
        return struct;
    }

    private Schema fieldSchema(org.apache.avro.Schema.Field field) {
        SchemaBuilder builder = builder(field.schema());
        Object avroDefault = field.hasDefaultValue() ? GenericData.get().getDefaultValue(field) : null;
        if (avroDefault != null) {
            Object connectDefault = AvroToConnectValue.convert(builder.build(), field.schema(), avroDefault);
            try {
                builder.defaultValue(connectDefault);
            } catch (SchemaBuilderException e) {
                // Connect only accepts a Struct default whose schema equals the builder, which it never does:
                // record-typed defaults are dropped (optional fields still default to null).
            }
        }
        return builder.build();
    }

    private static SchemaBuilder enumeration(org.apache.avro.Schema avro) {
        SchemaBuilder string = SchemaBuilder.string().name(avro.getFullName()).doc(avro.getDoc())
                .parameter(ENUM, avro.getFullName());
        avro.getEnumSymbols().forEach(symbol -> string.parameter(ENUM_SYMBOL_PREFIX + symbol, symbol));
        if (avro.getEnumDefault() != null) {
            string.parameter(ENUM_DEFAULT_PREFIX + avro.getFullName(), avro.getEnumDefault());
        }
        return string;
    }

    private static SchemaBuilder fixed(org.apache.avro.Schema avro) {
        if (isDecimal(avro)) {
            // Connect's Decimal has its own name, so a fixed-backed decimal comes back from Connect as bytes.
            return decimal(avro).parameter(FIXED_SIZE, String.valueOf(avro.getFixedSize()));
        }
        return SchemaBuilder.bytes().name(avro.getFullName()).doc(avro.getDoc())
                .parameter(FIXED_SIZE, String.valueOf(avro.getFixedSize()));
    }

    private static SchemaBuilder decimal(org.apache.avro.Schema avro) {
        LogicalTypes.Decimal decimal = (LogicalTypes.Decimal) avro.getLogicalType();
        return Decimal.builder(decimal.getScale())
                .parameter(DECIMAL_PRECISION, String.valueOf(decimal.getPrecision()));
    }

    private static SchemaBuilder integer(org.apache.avro.Schema avro) {
        if (isLogical(avro, LogicalTypes.date())) {
            return Date.builder();
        }
        if (isLogical(avro, LogicalTypes.timeMillis())) {
            return Time.builder();
        }
        Object connectType = avro.getObjectProp(CONNECT_TYPE_PROP);
        if ("int8".equals(connectType)) {
            return SchemaBuilder.int8();
        }
        return "int16".equals(connectType) ? SchemaBuilder.int16() : SchemaBuilder.int32();
    }

    private static boolean isDecimal(org.apache.avro.Schema avro) {
        return avro.getLogicalType() instanceof LogicalTypes.Decimal;
    }

    private static boolean isLogical(org.apache.avro.Schema avro, LogicalType expected) {
        LogicalType actual = avro.getLogicalType();
        return actual != null && actual.getName().equals(expected.getName());
    }
}
