package dev.imagecensus.schemas.connect;

import static dev.imagecensus.schemas.connect.AvroConnectNames.CONNECT_TYPE_PROP;
import static dev.imagecensus.schemas.connect.AvroConnectNames.DECIMAL_PRECISION;
import static dev.imagecensus.schemas.connect.AvroConnectNames.DECIMAL_PRECISION_DEFAULT;
import static dev.imagecensus.schemas.connect.AvroConnectNames.DEFAULT_RECORD_NAME;
import static dev.imagecensus.schemas.connect.AvroConnectNames.ENUM;
import static dev.imagecensus.schemas.connect.AvroConnectNames.ENUM_DEFAULT_PREFIX;
import static dev.imagecensus.schemas.connect.AvroConnectNames.ENUM_SYMBOL_PREFIX;
import static dev.imagecensus.schemas.connect.AvroConnectNames.FIELD_DOC_PREFIX;
import static dev.imagecensus.schemas.connect.AvroConnectNames.FIXED_SIZE;
import static dev.imagecensus.schemas.connect.AvroConnectNames.UNION;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.NameValidator;
import org.apache.avro.Schema.Type;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/** Connect schema → Avro schema, one instance per conversion (it tracks the named types already defined). */
final class ConnectToAvroSchema {

    private final Map<String, org.apache.avro.Schema> named = new HashMap<>();
    private int unnamed;

    static org.apache.avro.Schema convert(Schema connect) {
        return new ConnectToAvroSchema().schema(connect);
    }

    private org.apache.avro.Schema schema(Schema connect) {
        org.apache.avro.Schema base = base(connect);
        return connect.isOptional() ? nullable(base, true) : base;
    }

    // Avro wants a union default to match the first branch, so null goes last when the default is not null.
    private static org.apache.avro.Schema nullable(org.apache.avro.Schema base, boolean nullFirst) {
        List<org.apache.avro.Schema> types = new ArrayList<>();
        types.add(org.apache.avro.Schema.create(Type.NULL));
        types.addAll(base.getType() == Type.UNION ? base.getTypes() : List.of(base));
        if (!nullFirst) {
            types.add(types.remove(0));
        }
        return org.apache.avro.Schema.createUnion(types);
    }

    private org.apache.avro.Schema base(Schema connect) {
        return switch (connect.type()) {
            case INT8, INT16 -> {
                org.apache.avro.Schema avro = org.apache.avro.Schema.create(Type.INT);
                avro.addProp(CONNECT_TYPE_PROP, connect.type() == Schema.Type.INT8 ? "int8" : "int16");
                yield avro;
            }
            case INT32 -> int32(connect);
            case INT64 -> Timestamp.LOGICAL_NAME.equals(connect.name())
                    ? LogicalTypes.timestampMillis().addToSchema(org.apache.avro.Schema.create(Type.LONG))
                    : org.apache.avro.Schema.create(Type.LONG);
            case FLOAT32 -> org.apache.avro.Schema.create(Type.FLOAT);
            case FLOAT64 -> org.apache.avro.Schema.create(Type.DOUBLE);
            case BOOLEAN -> org.apache.avro.Schema.create(Type.BOOLEAN);
            case STRING -> param(connect, ENUM) != null ? enumeration(connect) : org.apache.avro.Schema.create(Type.STRING);
            case BYTES -> bytes(connect);
            case ARRAY -> org.apache.avro.Schema.createArray(schema(connect.valueSchema()));
            case MAP -> map(connect);
            case STRUCT -> UNION.equals(connect.name()) ? union(connect) : record(connect);
        };
    }

    private static org.apache.avro.Schema int32(Schema connect) {
        org.apache.avro.Schema avro = org.apache.avro.Schema.create(Type.INT);
        if (Date.LOGICAL_NAME.equals(connect.name())) {
            return LogicalTypes.date().addToSchema(avro);
        }
        return Time.LOGICAL_NAME.equals(connect.name()) ? LogicalTypes.timeMillis().addToSchema(avro) : avro;
    }

    private org.apache.avro.Schema enumeration(Schema connect) {
        String name = checked(param(connect, ENUM), "Enum name");
        return named.computeIfAbsent(name, n -> {
            List<String> symbols = connect.parameters().entrySet().stream()
                    .filter(e -> e.getKey().startsWith(ENUM_SYMBOL_PREFIX))
                    .map(e -> checked(e.getValue(), "Symbol of enum " + n))
                    .toList();
            return org.apache.avro.Schema.createEnum(n, connect.doc(), null, symbols,
                    param(connect, ENUM_DEFAULT_PREFIX + n));
        });
    }

    private org.apache.avro.Schema bytes(Schema connect) {
        if (Decimal.LOGICAL_NAME.equals(connect.name())) {
            String precision = param(connect, DECIMAL_PRECISION);
            int scale = Integer.parseInt(param(connect, Decimal.SCALE_FIELD));
            return LogicalTypes.decimal(precision == null ? DECIMAL_PRECISION_DEFAULT : Integer.parseInt(precision), scale)
                    .addToSchema(org.apache.avro.Schema.create(Type.BYTES));
        }
        String size = param(connect, FIXED_SIZE);
        if (size == null) {
            return org.apache.avro.Schema.create(Type.BYTES);
        }
        return named.computeIfAbsent(nameOf(connect),
                n -> org.apache.avro.Schema.createFixed(n, connect.doc(), null, Integer.parseInt(size)));
    }

    private org.apache.avro.Schema map(Schema connect) {
        if (connect.keySchema().type() != Schema.Type.STRING) {
            throw new DataException("Connect map with " + connect.keySchema().type()
                    + " keys is not supported: Avro map keys are strings");
        }
        return org.apache.avro.Schema.createMap(schema(connect.valueSchema()));
    }

    private org.apache.avro.Schema union(Schema connect) {
        List<org.apache.avro.Schema> branches = new ArrayList<>();
        for (Field member : connect.fields()) {
            branches.add(base(member.schema()));
        }
        return org.apache.avro.Schema.createUnion(branches);
    }

    private org.apache.avro.Schema record(Schema connect) {
        String name = nameOf(connect);
        org.apache.avro.Schema existing = named.get(name);
        if (existing != null) {
            return existing; // a struct used twice (Debezium's before/after) is defined once and referenced
        }
        org.apache.avro.Schema record = org.apache.avro.Schema.createRecord(name, connect.doc(), null, false);
        named.put(name, record);
        List<org.apache.avro.Schema.Field> fields = new ArrayList<>();
        for (Field field : connect.fields()) {
            fields.add(field(field, param(connect, FIELD_DOC_PREFIX + field.name())));
        }
        record.setFields(fields);
        return record;
    }

    private org.apache.avro.Schema.Field field(Field field, String doc) {
        checked(field.name(), "Field name");
        Schema connect = field.schema();
        org.apache.avro.Schema base = base(connect);
        Object connectDefault = connect.defaultValue();
        if (connectDefault == null) {
            return connect.isOptional()
                    ? new org.apache.avro.Schema.Field(field.name(), nullable(base, true), doc, JsonProperties.NULL_VALUE)
                    : new org.apache.avro.Schema.Field(field.name(), base, doc);
        }
        Object avroDefault = AvroDefaults.toJson(base,
                ConnectToAvroValue.convert(base, connect, connectDefault, field.name()));
        org.apache.avro.Schema type = connect.isOptional() ? nullable(base, false) : base;
        return new org.apache.avro.Schema.Field(field.name(), type, doc, avroDefault);
    }

    private String nameOf(Schema connect) {
        if (connect.name() != null) {
            return checked(connect.name(), "Connect schema name");
        }
        unnamed++;
        return unnamed == 1 ? DEFAULT_RECORD_NAME : DEFAULT_RECORD_NAME + unnamed;
    }

    // Avro checks names only when parsing, so a bad one would otherwise surface later as a registry rejection.
    private static String checked(String name, String what) {
        for (String part : name.split("\\.", -1)) {
            NameValidator.Result result = NameValidator.STRICT_VALIDATOR.validate(part);
            if (!result.isOK()) {
                throw new DataException(what + " '" + name + "' is not a valid Avro name: " + result.getErrors());
            }
        }
        return name;
    }

    private static String param(Schema connect, String key) {
        return connect.parameters() == null ? null : connect.parameters().get(key);
    }
}
