package dev.imagecensus.embedded.registry;

/** A {@link SchemaStore} could not read or write; the registry answers such requests with error 50001. */
public class SchemaStoreException extends RuntimeException {

    public SchemaStoreException(String message) {
        super(message);
    }

    public SchemaStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
