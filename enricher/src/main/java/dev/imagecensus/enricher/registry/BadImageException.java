package dev.imagecensus.enricher.registry;

/** A manifest or config that cannot be what it claims: becomes BAD_IMAGE_FORMAT, never escapes the client. */
final class BadImageException extends Exception {

    BadImageException(String message) {
        super(message);
    }

    BadImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
