package dev.imagecensus.enricher.classify;

import dev.imagecensus.schemas.avro.EvidenceStrength;
import java.util.Objects;

/**
 * One piece of FIPS evidence (maps to the Avro {@code FipsEvidence}).
 *
 * @param strength how much it proves
 * @param kind     {@code openssl-config}, {@code fips-provider}, {@code bc-fips-jar}, {@code system-fips},
 *                 {@code crypto-policy}, {@code chainguard-fipshardened}, {@code go-buildinfo}, {@code env},
 *                 {@code image-name}, {@code label}
 * @param path     the file in the image, null when the evidence is not a file
 * @param detail   what was seen
 */
public record FipsEvidenceItem(EvidenceStrength strength, String kind, String path, String detail) {

    public FipsEvidenceItem {
        Objects.requireNonNull(strength, "strength");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}
