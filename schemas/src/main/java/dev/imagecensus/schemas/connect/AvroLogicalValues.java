package dev.imagecensus.schemas.connect;

import org.apache.avro.Conversion;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;

/**
 * Avro values in either representation: raw (what a generic reader yields: Long, Integer, ByteBuffer)
 * or converted (what generated classes hold: Instant, LocalDate, LocalTime, BigDecimal, UUID).
 */
final class AvroLogicalValues {

    /** A model knowing the standard conversions, so union branches resolve for converted values too. */
    static final GenericData MODEL = model();

    private AvroLogicalValues() {
    }

    /** The raw Avro representation of {@code datum} under {@code schema}. */
    static Object toRaw(Schema schema, Object datum) {
        LogicalType logicalType = schema.getLogicalType();
        if (datum == null || logicalType == null) {
            return datum;
        }
        @SuppressWarnings("unchecked") // the conversion was looked up by the datum's own class
        Conversion<Object> conversion = (Conversion<Object>) MODEL.getConversionByClass(datum.getClass(), logicalType);
        return conversion == null ? datum : Conversions.convertToRawType(datum, schema, logicalType, conversion);
    }

    private static GenericData model() {
        GenericData model = new GenericData();
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        model.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
        model.addLogicalTypeConversion(new TimeConversions.DateConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
        model.addLogicalTypeConversion(new Conversions.DecimalConversion());
        model.addLogicalTypeConversion(new Conversions.UUIDConversion());
        return model;
    }
}
