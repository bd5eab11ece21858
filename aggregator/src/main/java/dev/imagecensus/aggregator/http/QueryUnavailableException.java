package dev.imagecensus.aggregator.http;

/**
 * A query cannot be answered completely right now (stores rebalancing, an instance unreachable): the API answers
 * 503 rather than a partial inventory that looks whole.
 */
public final class QueryUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QueryUnavailableException(String message) {
        super(message);
    }

    public QueryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
