package dev.imagecensus.schemas.connect;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;

/**
 * Avro datum → the plain Java form {@link Schema.Field} takes as a default
 * (records as maps, enums as strings, bytes as {@code byte[]}), since Avro cannot turn generic data into JSON itself.
 */
final class AvroDefaults {

    private AvroDefaults() {
    }

    static Object toJson(Schema schema, Object datum) {
        if (datum == null) {
            return JsonProperties.NULL_VALUE;
        }
        return switch (schema.getType()) {
            case RECORD -> record(schema, (IndexedRecord) datum);
            case ARRAY -> array(schema, (Collection<?>) datum);
            case MAP -> map(schema, (Map<?, ?>) datum);
            case ENUM, STRING -> datum.toString();
            case BYTES -> bytes((ByteBuffer) datum);
            case FIXED -> ((GenericFixed) datum).bytes();
            case UNION -> toJson(schema.getTypes().get(AvroLogicalValues.MODEL.resolveUnion(schema, datum)), datum);
            default -> datum;
        };
    }

    private static Map<String, Object> record(Schema schema, IndexedRecord record) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Schema.Field field : schema.getFields()) {
            json.put(field.name(), toJson(field.schema(), record.get(field.pos())));
        }
        return json;
    }

    private static List<Object> array(Schema schema, Collection<?> items) {
        List<Object> json = new ArrayList<>(items.size());
        items.forEach(item -> json.add(toJson(schema.getElementType(), item)));
        return json;
    }

    private static Map<String, Object> map(Schema schema, Map<?, ?> entries) {
        Map<String, Object> json = new LinkedHashMap<>();
        entries.forEach((key, value) -> json.put(key.toString(), toJson(schema.getValueType(), value)));
        return json;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer view = buffer.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }
}
