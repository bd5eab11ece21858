package dev.imagecensus.schemas.connect;

import static dev.imagecensus.schemas.connect.AvroConnectNames.ENUM;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;

/** Which Avro types can hold which Connect values, for writing into a target Avro schema. */
final class AvroTypes {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private AvroTypes() {
    }

    /** Whether a non-null value of the Connect schema can be written as this Avro union branch. */
    static boolean accepts(org.apache.avro.Schema branch, Schema connect) {
        Schema.Type type = connect.type();
        return switch (branch.getType()) {
            case NULL -> false;
            case BOOLEAN -> type == Schema.Type.BOOLEAN;
            case INT -> type == Schema.Type.INT8 || type == Schema.Type.INT16 || type == Schema.Type.INT32;
            case LONG -> type == Schema.Type.INT64;
            case FLOAT -> type == Schema.Type.FLOAT32;
            case DOUBLE -> type == Schema.Type.FLOAT64;
            case STRING -> type == Schema.Type.STRING && param(connect, ENUM) == null;
            case ENUM -> type == Schema.Type.STRING
                    && (param(connect, ENUM) == null || branch.getFullName().equals(param(connect, ENUM)));
            case BYTES, FIXED -> type == Schema.Type.BYTES;
            case RECORD -> type == Schema.Type.STRUCT
                    && (connect.name() == null || branch.getFullName().equals(connect.name()));
            case ARRAY -> type == Schema.Type.ARRAY;
            case MAP -> type == Schema.Type.MAP;
            case UNION -> false; // Avro does not nest unions
        };
    }

    /** A Connect Date or Time (java.util.Date) as an Avro {@code date} (days) or {@code time-millis} int. */
    static int toInt(org.apache.avro.Schema target, java.util.Date value, String path) {
        LogicalType logical = target.getLogicalType();
        long millis = value.getTime();
        if (logical != null && logical.getName().equals(LogicalTypes.date().getName())) {
            if (Math.floorMod(millis, MILLIS_PER_DAY) != 0) {
                throw new DataException("Date " + value.toInstant() + " at " + path + " is not a UTC midnight");
            }
            return Math.toIntExact(Math.floorDiv(millis, MILLIS_PER_DAY));
        }
        if (logical != null && logical.getName().equals(LogicalTypes.timeMillis().getName())) {
            if (millis < 0 || millis >= MILLIS_PER_DAY) {
                throw new DataException("Time " + value.toInstant() + " at " + path + " is not within day 0 (UTC)");
            }
            return (int) millis;
        }
        throw new DataException("java.util.Date at " + path + " but Avro int there is neither date nor time-millis");
    }

    private static String param(Schema connect, String key) {
        return connect.parameters() == null ? null : connect.parameters().get(key);
    }
}
