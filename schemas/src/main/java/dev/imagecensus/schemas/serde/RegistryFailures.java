package dev.imagecensus.schemas.serde;

import dev.imagecensus.schemas.registry.SchemaRegistryException;

/**
 * Splits registry failures into answers about a schema (surfaced as {@code SerializationException}:
 * the record cannot be handled) and the registry being unreachable, unauthorised or failing
 * (rethrown as is: infrastructure, never a reason to skip or dead-letter a record).
 */
final class RegistryFailures {

    private RegistryFailures() {
    }

    static boolean isAboutTheSchema(SchemaRegistryException e) {
        return switch (e.errorCode()) {
            case SchemaRegistryException.SUBJECT_NOT_FOUND,
                    SchemaRegistryException.VERSION_NOT_FOUND,
                    SchemaRegistryException.SCHEMA_NOT_FOUND,
                    SchemaRegistryException.INCOMPATIBLE_SCHEMA,
                    SchemaRegistryException.INVALID_SCHEMA -> true;
            default -> false;
        };
    }
}
