package dev.imagecensus.schemas.connect;

import static dev.imagecensus.schemas.connect.AvroConnectNames.UNION;
import static dev.imagecensus.schemas.connect.AvroConnectNames.unionMemberName;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Avro value → Connect value, walking the Avro schema and the Connect schema made from it.
 * Accepts generic and specific data alike (Utf8 or String, GenericEnumSymbol or Java enum, raw or converted logical values).
 */
final class AvroToConnectValue {

    private AvroToConnectValue() {
    }

    static Object convert(Schema connect, org.apache.avro.Schema avro, Object datum) {
        if (datum == null) {
            return null;
        }
        try {
            return convertNonNull(connect, avro, AvroLogicalValues.toRaw(avro, datum));
        } catch (ClassCastException e) {
            throw new DataException("Avro value of " + datum.getClass().getName() + " does not match Avro type "
                    + avro.getType() + " (Connect " + connect.type() + ")", e);
        }
    }

    private static Object convertNonNull(Schema connect, org.apache.avro.Schema avro, Object datum) {
        return switch (avro.getType()) {
            case UNION -> union(connect, avro, datum);
            case RECORD -> record(connect, avro, (IndexedRecord) datum);
            case ENUM, STRING -> datum.toString();
            case ARRAY -> array(connect, avro, (Collection<?>) datum);
            case MAP -> map(connect, avro, (Map<?, ?>) datum);
            case BYTES -> bytes(connect, copy((ByteBuffer) datum));
            case FIXED -> bytes(connect, ((GenericFixed) datum).bytes().clone());
            case INT -> integer(connect, (Integer) datum);
            case LONG -> Timestamp.LOGICAL_NAME.equals(connect.name())
                    ? Timestamp.toLogical(connect, (Long) datum) : (Long) datum;
            case FLOAT -> (Float) datum;
            case DOUBLE -> (Double) datum;
            case BOOLEAN -> (Boolean) datum;
            case NULL -> null;
        };
    }

    private static Object union(Schema connect, org.apache.avro.Schema avro, Object datum) {
        if (!UNION.equals(connect.name()) || connect.type() != Schema.Type.STRUCT) {
            // ["null", X]: the Connect schema is X's, made optional; no need to resolve the branch per value.
            return convert(connect, nonNullBranch(avro), datum);
        }
        org.apache.avro.Schema branch = avro.getTypes().get(AvroLogicalValues.MODEL.resolveUnion(avro, datum));
        String member = unionMemberName(branch);
        Struct union = new Struct(connect);
        union.put(member, convert(connect.field(member).schema(), branch, datum));
        return union;
    }

    private static org.apache.avro.Schema nonNullBranch(org.apache.avro.Schema union) {
        for (org.apache.avro.Schema branch : union.getTypes()) {
            if (branch.getType() != org.apache.avro.Schema.Type.NULL) {
                return branch;
            }
        }
        throw new DataException("Avro union " + union + " has no non-null branch");
    }

    private static Struct record(Schema connect, org.apache.avro.Schema avro, IndexedRecord record) {
        Struct struct = new Struct(connect);
        for (org.apache.avro.Schema.Field field : avro.getFields()) {
            struct.put(field.name(), convert(connect.field(field.name()).schema(), field.schema(), record.get(field.pos())));
        }
        return struct;
    }

    private static List<Object> array(Schema connect, org.apache.avro.Schema avro, Collection<?> items) {
        List<Object> list = new ArrayList<>(items.size());
        for (Object item : items) {
            list.add(convert(connect.valueSchema(), avro.getElementType(), item));
        }
        return list;
    }

    private static Map<String, Object> map(Schema connect, org.apache.avro.Schema avro, Map<?, ?> entries) {
        Map<String, Object> map = new LinkedHashMap<>();
        entries.forEach((key, value) ->
                map.put(key.toString(), convert(connect.valueSchema(), avro.getValueType(), value)));
        return map;
    }

    private static Object bytes(Schema connect, byte[] bytes) {
        return Decimal.LOGICAL_NAME.equals(connect.name()) ? Decimal.toLogical(connect, bytes) : bytes;
    }

    private static Object integer(Schema connect, Integer value) {
        if (Date.LOGICAL_NAME.equals(connect.name())) {
            return Date.toLogical(connect, value);
        }
        if (Time.LOGICAL_NAME.equals(connect.name())) {
            return Time.toLogical(connect, value);
        }
        return switch (connect.type()) {
            case INT8 -> value.byteValue();
            case INT16 -> value.shortValue();
            default -> value;
        };
    }

    // Leaves the caller's buffer (position, backing array) untouched.
    private static byte[] copy(ByteBuffer buffer) {
        ByteBuffer view = buffer.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }
}
