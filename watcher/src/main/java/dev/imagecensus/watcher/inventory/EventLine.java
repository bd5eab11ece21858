package dev.imagecensus.watcher.inventory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * kimager's log line for one event, e.g.
 * {@code [2026-11-23T04:54:28Z INFO ] [+|image]  nginx:1.27  [default|web-7d67dc9ff9-mfll9]}: the image as written in
 * the pod spec, then namespace and pod. Symbols: {@code +} ADDED, {@code -} DELETED (as in kimager), and {@code ~}
 * UPDATED (ours: kimager had no updates; {@code ~} reads as "changed", as in diff tools and Terraform plans).
 */
public final class EventLine {

    private EventLine() {
    }

    public static String format(Instant at, Change change) {
        ContainerRecord r = change.record();
        return "[" + at.truncatedTo(ChronoUnit.SECONDS) + " INFO ] [" + symbol(change.type()) + "|image]  "
                + r.image() + "  [" + r.pod().namespace() + "|" + r.pod().name() + "]";
    }

    public static char symbol(ChangeType type) {
        return switch (type) {
            case ADDED -> '+';
            case UPDATED -> '~';
            case DELETED -> '-';
        };
    }
}
