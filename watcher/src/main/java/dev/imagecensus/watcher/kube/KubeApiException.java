package dev.imagecensus.watcher.kube;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * An answer of the API server other than success: an HTTP status, or a watch ERROR event carrying a Status. 410
 * means our resourceVersion or continue token expired (relist); 401/403/404 and other 4xx are permanent answers;
 * 408, 429 and 5xx are worth retrying.
 */
public final class KubeApiException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final transient Optional<Duration> retryAfter;

    public KubeApiException(int code, String message, Optional<Duration> retryAfter) {
        super("HTTP " + code + ": " + message);
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public KubeApiException(int code, String message) {
        this(code, message, Optional.empty());
    }

    public int code() {
        return code;
    }

    /** 410 Gone: the resourceVersion or continue token is too old. */
    public boolean gone() {
        return code == 410;
    }

    /** A 4xx that retrying will not change (bad credentials, missing RBAC, unknown resource, bad request). */
    public boolean permanent() {
        return code >= 400 && code < 500 && code != 408 && code != 410 && code != 429;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
