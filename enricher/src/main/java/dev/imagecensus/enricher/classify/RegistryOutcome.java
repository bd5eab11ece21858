package dev.imagecensus.enricher.classify;

import java.util.Objects;

/** The final answer of a registry to a manifest request, after retries: an HTTP status or a failure to get one. */
public sealed interface RegistryOutcome {

    /**
     * The registry answered.
     *
     * @param status    the HTTP status
     * @param errorCode the first OCI distribution error code of the body ({@code MANIFEST_UNKNOWN}, {@code DENIED},
     *                  ...), null when none
     */
    record Http(int status, String errorCode) implements RegistryOutcome {
    }

    /**
     * No HTTP answer was usable.
     *
     * @param kind   what went wrong
     * @param detail the exception message, for the classification's error field
     */
    record Failure(FailureKind kind, String detail) implements RegistryOutcome {
        public Failure {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** Why there is no HTTP answer. */
    enum FailureKind {
        /** The reference is not a valid image reference; nothing was sent. */
        INVALID_REFERENCE,
        /** DNS, refused or reset connection. */
        CONNECTION,
        /** Connect or read timeout. */
        TIMEOUT,
        /** TLS handshake or certificate failure. */
        TLS,
        /** Anything else. */
        OTHER
    }

    /** An HTTP answer without an error code. */
    static RegistryOutcome http(int status) {
        return new Http(status, null);
    }
}
