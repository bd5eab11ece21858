package dev.imagecensus.schemas.connect;

import org.apache.avro.Schema;

/**
 * Connect schema names and parameters that carry Avro details Connect has no place for.
 * The keys are Confluent's ({@code io.confluent.connect.avro.*}, {@code connect.*}), so Connect
 * schemas look the same to sinks and SMTs as under Confluent's AvroConverter.
 */
public final class AvroConnectNames {

    public static final String NAMESPACE = "io.confluent.connect.avro";
    /** Name of the Connect struct standing for a general Avro union (one optional field per branch). */
    public static final String UNION = NAMESPACE + ".Union";
    /** Parameter marking a Connect STRING as an Avro enum; its value is the enum's full name. */
    public static final String ENUM = NAMESPACE + ".Enum";
    /** Prefix of the parameters holding the enum symbols, in order: {@code ENUM + "." + symbol -> symbol}. */
    public static final String ENUM_SYMBOL_PREFIX = ENUM + ".";
    /** Prefix, followed by the enum's full name, of the parameter holding the enum's own default symbol. */
    public static final String ENUM_DEFAULT_PREFIX = NAMESPACE + ".enum.default.";
    /** Prefix, followed by a field name, of the struct parameter holding that Avro field's doc. */
    public static final String FIELD_DOC_PREFIX = NAMESPACE + ".field.doc.";
    /** Parameter holding the size of an Avro fixed mapped to Connect BYTES. */
    public static final String FIXED_SIZE = "connect.fixed.size";
    /** Parameter holding an Avro decimal's precision (Connect's Decimal only knows the scale). */
    public static final String DECIMAL_PRECISION = "connect.decimal.precision";
    /** Precision given to Connect decimals that do not say. */
    public static final int DECIMAL_PRECISION_DEFAULT = 64;
    /** Avro property keeping INT8/INT16 distinct from int: {@code "int8"} or {@code "int16"}. */
    public static final String CONNECT_TYPE_PROP = "connect.type";
    /** Namespace and base name of Avro records made for unnamed Connect structs. */
    public static final String DEFAULT_RECORD_NAME = NAMESPACE + ".ConnectDefault";

    private AvroConnectNames() {
    }

    /** Field name of a union branch in the {@link #UNION} struct: simple name for named types, else the type name. */
    static String unionMemberName(Schema branch) {
        return switch (branch.getType()) {
            case RECORD, ENUM, FIXED -> branch.getName();
            default -> branch.getType().getName();
        };
    }
}
