package dev.imagecensus.aggregator;

import java.util.Locale;

/**
 * KAI's {@code missing-tag-policy}: what {@code /api/inventory} reports for an image referenced by digest only,
 * since KAI's consumers expect a {@code repo:tag} in every entry.
 */
public enum MissingTagPolicy {
    /** Use the digest's hex as the tag: {@code alpine:4ed1812024ed…}. KAI's default. */
    DIGEST,
    /** Use a configured dummy tag: {@code alpine:UNKNOWN}. */
    INSERT,
    /** Leave the image out. */
    DROP;

    /** Parses {@code digest}, {@code insert} or {@code drop}, in any case. */
    public static MissingTagPolicy parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("missing-tag-policy: '" + value + "' must be digest, insert or drop");
        }
    }
}
