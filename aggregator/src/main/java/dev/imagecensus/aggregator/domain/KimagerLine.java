package dev.imagecensus.aggregator.domain;

import dev.imagecensus.schemas.reference.ImageReference;
import dev.imagecensus.schemas.reference.ReferenceParseResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The audit log line in kimager's format, so the seed's log consumers keep working:
 * {@code [2026-11-23T04:54:28Z INFO ] [+|image]  nginx:1.27  [default|web-7d67dc9ff9-mfll9]}.
 * The image is shown in Docker's familiar form, the time in UTC to the second.
 */
public final class KimagerLine {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private KimagerLine() {
    }

    public static String format(AuditEntry entry) {
        return "[" + TIME.format(Instant.ofEpochMilli(entry.at())) + " INFO ] [" + entry.action().sign() + "|image]  "
                + familiar(entry.image()) + "  [" + entry.podRef().orElse("|") + "]";
    }

    static String familiar(String image) {
        return ImageReference.tryParse(image) instanceof ReferenceParseResult.Valid valid
                ? valid.reference().familiar()
                : image;
    }
}
