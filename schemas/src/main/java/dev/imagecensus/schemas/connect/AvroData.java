package dev.imagecensus.schemas.connect;

import org.apache.kafka.common.cache.Cache;
import org.apache.kafka.common.cache.LRUCache;
import org.apache.kafka.common.cache.SynchronizedCache;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;

/**
 * Converts between Avro and Kafka Connect schemas and values, the way Confluent's AvroData does:
 * records ⇄ structs named by the record's full name; {@code ["null", X]} ⇄ optional X; enums → STRING
 * with the symbols in {@link AvroConnectNames#ENUM} parameters; general unions ⇄ a {@link AvroConnectNames#UNION}
 * struct with one optional field per branch; timestamp-millis, date, time-millis, decimal ⇄ Connect's logical types.
 * Schema conversions are cached in bounded LRU maps; instances are thread-safe.
 */
public final class AvroData {

    public static final int DEFAULT_CACHE_SIZE = 1000;

    // Avro schemas come from the registry client's id cache, so identity hits; hashing one deeply would cost more.
    private final Cache<Identity, Schema> toConnectCache;
    // Connect schemas are often rebuilt per record by sources and SMTs, so equality it is.
    private final Cache<Schema, org.apache.avro.Schema> toAvroCache;

    public AvroData() {
        this(DEFAULT_CACHE_SIZE);
    }

    public AvroData(int cacheSize) {
        this.toConnectCache = new SynchronizedCache<>(new LRUCache<>(cacheSize));
        this.toAvroCache = new SynchronizedCache<>(new LRUCache<>(cacheSize));
    }

    /** The Connect schema for an Avro schema; a DataException when Connect cannot express it (recursion, bare null). */
    public Schema toConnectSchema(org.apache.avro.Schema avroSchema) {
        Identity key = new Identity(avroSchema);
        Schema cached = toConnectCache.get(key);
        if (cached == null) {
            cached = AvroToConnectSchema.convert(avroSchema);
            toConnectCache.put(key, cached);
        }
        return cached;
    }

    /** The Avro schema for a Connect schema; a DataException when Avro cannot express it (non-string map keys, bad names). */
    public org.apache.avro.Schema fromConnectSchema(Schema connectSchema) {
        org.apache.avro.Schema cached = toAvroCache.get(connectSchema);
        if (cached == null) {
            try {
                cached = ConnectToAvroSchema.convert(connectSchema);
            } catch (DataException e) {
                throw e;
            } catch (RuntimeException e) {
                // Avro's own checks: invalid names, duplicate union branches, invalid defaults
                throw new DataException("Cannot express Connect schema " + connectSchema + " in Avro: " + e.getMessage(), e);
            }
            toAvroCache.put(connectSchema, cached);
        }
        return cached;
    }

    /** An Avro datum (generic or specific, raw or converted logical values) as Connect schema and value. */
    public SchemaAndValue toConnectData(org.apache.avro.Schema avroSchema, Object avroValue) {
        Schema schema = toConnectSchema(avroSchema);
        return new SchemaAndValue(schema, AvroToConnectValue.convert(schema, avroSchema, avroValue));
    }

    /** A Connect value as a generic Avro datum of {@link #fromConnectSchema(Schema) the derived Avro schema}. */
    public Object fromConnectData(Schema connectSchema, Object connectValue) {
        return fromConnectData(fromConnectSchema(connectSchema), connectSchema, connectValue);
    }

    /**
     * A Connect value as a generic Avro datum of a given Avro schema, e.g. a subject's latest version:
     * struct fields match by name, Avro fields missing from the struct take their Avro default.
     */
    public Object fromConnectData(org.apache.avro.Schema avroSchema, Schema connectSchema, Object connectValue) {
        String root = connectSchema.name() != null ? connectSchema.name() : connectSchema.type().getName();
        return ConnectToAvroValue.convert(avroSchema, connectSchema, connectValue, root);
    }

    /** Cache key comparing by reference. */
    private record Identity(Object ref) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity that && that.ref == ref;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(ref);
        }
    }
}
