package dev.imagecensus.schemas.connect;

import static dev.imagecensus.schemas.connect.AvroConnectNames.UNION;
import static dev.imagecensus.schemas.connect.AvroConnectNames.unionMemberName;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Connect value → generic Avro datum (raw logical representation), driven by the target Avro schema.
 * The target need not be derived from the Connect schema (e.g. the subject's latest version): struct fields
 * are matched by name, and Avro fields the struct lacks take their Avro default.
 */
final class ConnectToAvroValue {

    private ConnectToAvroValue() {
    }

    /** @param path where the value sits, e.g. {@code ImageInventory.tag}, for error messages */
    static Object convert(org.apache.avro.Schema target, Schema connect, Object value, String path) {
        if (value == null) {
            if (target.isNullable()) {
                return null;
            }
            throw new DataException("null at " + path + " but Avro type " + target.getType() + " is not nullable");
        }
        try {
            return convertNonNull(target, connect, value, path);
        } catch (ClassCastException | ArithmeticException e) {
            throw new DataException("Cannot write " + value.getClass().getName() + " at " + path
                    + " as Avro " + target.getType() + ": " + e.getMessage(), e);
        }
    }

    private static Object convertNonNull(org.apache.avro.Schema target, Schema connect, Object value, String path) {
        return switch (target.getType()) {
            case UNION -> union(target, connect, value, path);
            case RECORD -> record(target, (Struct) value, path);
            case ENUM -> enumSymbol(target, value.toString(), path);
            case STRING -> (String) value;
            case ARRAY -> array(target, connect, (Collection<?>) value, path);
            case MAP -> map(target, connect, (Map<?, ?>) value, path);
            case BYTES -> ByteBuffer.wrap(bytes(target, value, path));
            case FIXED -> fixed(target, bytes(target, value, path), path);
            case INT -> value instanceof java.util.Date date ? AvroTypes.toInt(target, date, path) : integer(value);
            case LONG -> value instanceof java.util.Date date ? date.getTime() : longValue(value);
            case FLOAT -> (Float) value;
            case DOUBLE -> value instanceof Float f ? f.doubleValue() : (Double) value;
            case BOOLEAN -> (Boolean) value;
            case NULL -> throw new DataException("Avro type null at " + path + " cannot hold " + value);
        };
    }

    private static Object union(org.apache.avro.Schema target, Schema connect, Object value, String path) {
        if (value instanceof Struct struct && UNION.equals(struct.schema().name())) {
            for (Field member : struct.schema().fields()) {
                Object memberValue = struct.get(member);
                if (memberValue != null) {
                    return convert(branchNamed(target, member.name(), path), member.schema(), memberValue, path);
                }
            }
            return convert(target, connect, null, path);
        }
        org.apache.avro.Schema branch = null;
        for (org.apache.avro.Schema candidate : target.getTypes()) {
            if (AvroTypes.accepts(candidate, connect)) {
                branch = candidate;
                break;
            }
        }
        if (branch == null) {
            throw new DataException("No branch of Avro union " + target + " at " + path + " accepts Connect " + connect.type());
        }
        return convert(branch, connect, value, path);
    }

    private static org.apache.avro.Schema branchNamed(org.apache.avro.Schema union, String member, String path) {
        return union.getTypes().stream()
                .filter(t -> unionMemberName(t).equals(member))
                .findFirst()
                .orElseThrow(() -> new DataException("Avro union at " + path + " has no branch '" + member + "'"));
    }

    private static GenericData.Record record(org.apache.avro.Schema target, Struct struct, String path) {
        GenericData.Record record = new GenericData.Record(target);
        for (org.apache.avro.Schema.Field field : target.getFields()) {
            String fieldPath = path + "." + field.name();
            Field connectField = struct.schema().field(field.name());
            if (connectField != null) {
                record.put(field.pos(), convert(field.schema(), connectField.schema(), struct.get(connectField), fieldPath));
            } else if (field.hasDefaultValue()) {
                // copy: the default is a shared instance and generic data is mutable
                record.put(field.pos(), GenericData.get().deepCopy(field.schema(), GenericData.get().getDefaultValue(field)));
            } else {
                throw new DataException("Connect struct " + struct.schema().name() + " has no field for " + fieldPath
                        + ", which has no Avro default");
            }
        }
        return record;
    }

    private static GenericData.EnumSymbol enumSymbol(org.apache.avro.Schema target, String symbol, String path) {
        if (!target.hasEnumSymbol(symbol)) {
            throw new DataException("'" + symbol + "' at " + path + " is not a symbol of Avro enum "
                    + target.getFullName() + " " + target.getEnumSymbols());
        }
        return new GenericData.EnumSymbol(target, symbol);
    }

    private static List<Object> array(org.apache.avro.Schema target, Schema connect, Collection<?> items, String path) {
        List<Object> array = new ArrayList<>(items.size());
        int index = 0;
        for (Object item : items) {
            array.add(convert(target.getElementType(), connect.valueSchema(), item, path + "[" + index++ + "]"));
        }
        return array;
    }

    private static Map<String, Object> map(org.apache.avro.Schema target, Schema connect, Map<?, ?> entries, String path) {
        Map<String, Object> map = new LinkedHashMap<>();
        entries.forEach((key, value) -> {
            if (!(key instanceof String name)) {
                throw new DataException("Map key " + key + " at " + path + " is not a string; Avro map keys are strings");
            }
            map.put(name, convert(target.getValueType(), connect.valueSchema(), value, path + "[" + name + "]"));
        });
        return map;
    }

    private static byte[] bytes(org.apache.avro.Schema target, Object value, String path) {
        if (value instanceof BigDecimal decimal) {
            if (!(target.getLogicalType() instanceof LogicalTypes.Decimal logical)) {
                throw new DataException("Decimal at " + path + " but Avro " + target.getType() + " is not a decimal");
            }
            // exact rescale to the Avro scale; ArithmeticException (reported above) if digits would be lost
            return decimal.setScale(logical.getScale()).unscaledValue().toByteArray();
        }
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer view = buffer.duplicate();
            byte[] bytes = new byte[view.remaining()];
            view.get(bytes);
            return bytes;
        }
        return (byte[]) value;
    }

    private static GenericData.Fixed fixed(org.apache.avro.Schema target, byte[] bytes, String path) {
        int size = target.getFixedSize();
        if (target.getLogicalType() instanceof LogicalTypes.Decimal && bytes.length < size) {
            byte[] padded = new byte[size];
            byte sign = (byte) (bytes.length > 0 && bytes[0] < 0 ? 0xff : 0);
            java.util.Arrays.fill(padded, 0, size - bytes.length, sign);
            System.arraycopy(bytes, 0, padded, size - bytes.length, bytes.length);
            bytes = padded;
        }
        if (bytes.length != size) {
            throw new DataException(bytes.length + " bytes at " + path + " do not fit Avro fixed "
                    + target.getFullName() + " of size " + size);
        }
        return new GenericData.Fixed(target, bytes);
    }

    private static int integer(Object value) {
        if (value instanceof Byte || value instanceof Short) {
            return ((Number) value).intValue();
        }
        return (Integer) value;
    }

    private static long longValue(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        return integer(value);
    }
}
