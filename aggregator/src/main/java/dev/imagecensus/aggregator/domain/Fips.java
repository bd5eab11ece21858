package dev.imagecensus.aggregator.domain;

import java.util.Locale;

/** An image's FIPS status as the enricher classified it (strongest evidence first). */
public enum Fips {
    ENFORCED, CAPABLE, CLAIMED, NOT_DETECTED, UNKNOWN;

    /**
     * The seed's rule, kept: an image counts as FIPS-enabled when it is ENFORCED (configured approved-only) or
     * CAPABLE (a validated module is present). CLAIMED (only a name or label says so) does not count.
     */
    public boolean enabled() {
        return this == ENFORCED || this == CAPABLE;
    }

    /** Lenient parse: a status this version does not know yet reads as UNKNOWN rather than failing. */
    public static Fips of(String name) {
        if (name == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
