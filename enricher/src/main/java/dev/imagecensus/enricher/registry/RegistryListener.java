package dev.imagecensus.enricher.registry;

/**
 * Hears every registry request (each attempt, token requests included) and every body byte; Micrometer binds to
 * this later. Labels must stay bounded: {@code registry} is a host, {@code outcome} an HTTP status or one of a
 * few error words ({@code io_error}, {@code timeout}).
 */
public interface RegistryListener {

    RegistryListener NONE = new RegistryListener() {
    };

    /** One request attempt finished with {@code outcome}. */
    default void onRequest(String registry, String method, String outcome) {
    }

    /** {@code bytes} more body bytes came from {@code registry}. */
    default void onBytes(String registry, long bytes) {
    }
}
