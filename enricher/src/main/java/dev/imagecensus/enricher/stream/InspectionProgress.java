package dev.imagecensus.enricher.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Progress lines while a backlog of references is being classified (the first enrichment of a large cluster):
 * one line every {@code every} while references stay pending, and a closing line when the backlog empties. A
 * backlog that clears within {@code every} prints nothing, so a steady trickle of new images stays quiet.
 * Not thread-safe: fed by one scheduler thread.
 */
public final class InspectionProgress {

    private final Duration every;
    private Instant backlogSince; // null while nothing is pending
    private long doneAtStart;
    private Instant lastLine;
    private boolean reported;

    public InspectionProgress(Duration every) {
        this.every = every;
    }

    /**
     * @param done    inspections completed since start (any outcome)
     * @param pending references waiting for or in a registry call
     * @return the line to log now, if any
     */
    public Optional<String> tick(Instant now, long done, long pending) {
        if (pending > 0) {
            if (backlogSince == null) {
                backlogSince = now;
                lastLine = now;
                doneAtStart = done;
                reported = false;
                return Optional.empty();
            }
            if (Duration.between(lastLine, now).compareTo(every) < 0) {
                return Optional.empty();
            }
            lastLine = now;
            reported = true;
            long classified = done - doneAtStart;
            return Optional.of(String.format(Locale.ROOT, "classifying images: %d done, %d pending, %.0f/s", classified, pending,
                    perSecond(classified, now)));
        }
        if (backlogSince == null) {
            return Optional.empty();
        }
        long classified = done - doneAtStart;
        Optional<String> line = reported
                ? Optional.of(String.format(Locale.ROOT, "classified %d images in %.1f s (%.0f/s); nothing pending", classified,
                        Duration.between(backlogSince, now).toMillis() / 1000.0, perSecond(classified, now)))
                : Optional.empty();
        backlogSince = null;
        return line;
    }

    private double perSecond(long classified, Instant now) {
        long millis = Math.max(1, Duration.between(backlogSince, now).toMillis());
        return classified * 1000.0 / millis;
    }
}
