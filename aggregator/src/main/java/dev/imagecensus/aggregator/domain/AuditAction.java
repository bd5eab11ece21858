package dev.imagecensus.aggregator.domain;

/** An image entering use (first container) or leaving it (last container gone). */
public enum AuditAction {
    ENTERED, LEFT;

    /** kimager's sign: {@code [+|image]} / {@code [-|image]}. */
    public char sign() {
        return this == ENTERED ? '+' : '-';
    }
}
