package dev.imagecensus.enricher.classify;

import dev.imagecensus.schemas.avro.Existence;
import java.util.Locale;
import java.util.Set;

/**
 * Maps a {@link RegistryOutcome} to the seven states of the existence exporters. 2xx is AVAILABLE; 404 or an
 * unknown-manifest/name code is ABSENT; 400 or an invalid-reference code is BAD_IMAGE_FORMAT; 401 is an
 * authentication failure, 403 an authorization failure; no answer, 5xx and 429 (the client has already retried
 * them) mean the registry is unavailable; anything else is UNKNOWN_ERROR.
 */
public final class ExistenceMapper {

    private static final Set<String> ABSENT_CODES = Set.of("MANIFEST_UNKNOWN", "NAME_UNKNOWN", "BLOB_UNKNOWN");
    private static final Set<String> BAD_FORMAT_CODES = Set.of("NAME_INVALID", "TAG_INVALID", "DIGEST_INVALID",
            "MANIFEST_INVALID", "MANIFEST_UNVERIFIED");

    private ExistenceMapper() {
    }

    /** The existence state for {@code outcome}. */
    public static Existence map(RegistryOutcome outcome) {
        if (outcome instanceof RegistryOutcome.Http http) {
            return fromHttp(http.status(), http.errorCode() == null ? "" : http.errorCode().toUpperCase(Locale.ROOT));
        }
        return switch (((RegistryOutcome.Failure) outcome).kind()) {
            case INVALID_REFERENCE -> Existence.BAD_IMAGE_FORMAT;
            case CONNECTION, TIMEOUT, TLS -> Existence.REGISTRY_UNAVAILABLE;
            case OTHER -> Existence.UNKNOWN_ERROR;
        };
    }

    private static Existence fromHttp(int status, String code) {
        if (status >= 200 && status < 300) {
            return Existence.AVAILABLE;
        }
        if (status == 404 || ABSENT_CODES.contains(code)) {
            return Existence.ABSENT;
        }
        if (status == 400 || BAD_FORMAT_CODES.contains(code)) {
            return Existence.BAD_IMAGE_FORMAT;
        }
        if (status == 401 || code.equals("UNAUTHORIZED")) {
            return Existence.AUTHENTICATION_FAILURE;
        }
        if (status == 403 || code.equals("DENIED")) {
            return Existence.AUTHORIZATION_FAILURE;
        }
        if (status == 429 || status >= 500 && status < 600 || code.equals("TOOMANYREQUESTS")) {
            return Existence.REGISTRY_UNAVAILABLE;
        }
        return Existence.UNKNOWN_ERROR;
    }
}
