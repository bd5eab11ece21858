package dev.imagecensus.embedded.registry;

import java.util.Locale;
import org.apache.avro.Schema;

/** Parsing and identity of submitted schemas: only Avro, compared by canonical form. */
final class AvroSchemas {

    private AvroSchemas() {
    }

    /**
     * Parses a submitted schema.
     *
     * @param schemaType null or "AVRO"; anything else is refused with 42201
     */
    static Schema parse(String text, String schemaType) {
        if (schemaType != null && !schemaType.isBlank() && !"AVRO".equals(schemaType.toUpperCase(Locale.ROOT))) {
            throw RegistryException.invalidSchema("Schema type '" + schemaType
                    + "' is not supported: this registry accepts only AVRO schemas", null);
        }
        if (text == null || text.isBlank()) {
            throw RegistryException.invalidSchema("Empty schema", null);
        }
        try {
            // A fresh parser each time: a parser remembers named types and would refuse a second definition.
            return new Schema.Parser().parse(text);
        } catch (RuntimeException e) {
            throw RegistryException.invalidSchema("Invalid Avro schema: " + e.getMessage(), e);
        }
    }

    /**
     * Avro's own JSON rendering of the parsed schema: insensitive to whitespace and property order, yet it keeps
     * defaults, docs and aliases (which {@code SchemaNormalization}'s parsing form would drop, though they matter
     * to compatibility). Confluent stores and compares the same rendering.
     */
    static String canonical(Schema schema) {
        return schema.toString();
    }

    /** Parses a schema the registry stored itself (already canonical and valid). */
    static Schema parseStored(String canonical) {
        return new Schema.Parser().parse(canonical);
    }
}
