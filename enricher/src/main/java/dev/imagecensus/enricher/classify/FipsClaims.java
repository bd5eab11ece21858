package dev.imagecensus.enricher.classify;

import dev.imagecensus.schemas.avro.EvidenceStrength;
import dev.imagecensus.schemas.reference.ImageReference;
import dev.imagecensus.schemas.reference.ReferenceParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The weakest rung: an image that only says it is FIPS. The seed's rule ("fips" in the name) lives here, next to
 * labels that say so. The name is the repository and tag, not the registry host (a host called fips-registry
 * claims nothing about the image).
 */
final class FipsClaims {

    // "fips" as a word or name part (nginx-fips, fips_140, FIPS 140-3), not preceded by a negation.
    private static final Pattern FIPS_WORD = Pattern.compile("(?i)(?<![a-z0-9])(?<!non[-_ ])(?<!no[-_ ])fips(?![a-z])");
    private static final Set<String> FALSE = Set.of("", "0", "false", "no", "off", "disabled", "none");

    private FipsClaims() {
    }

    static List<FipsEvidenceItem> of(String reference, Map<String, String> labels) {
        List<FipsEvidenceItem> claims = new ArrayList<>();
        String name = nameAndTag(reference);
        if (FIPS_WORD.matcher(name).find()) {
            claims.add(new FipsEvidenceItem(EvidenceStrength.CLAIMED, "image-name", null,
                    "the image name says fips: " + name));
        }
        for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
            String key = label.getKey();
            String value = label.getValue() == null ? "" : label.getValue().strip();
            boolean keyClaims = key.toLowerCase(Locale.ROOT).contains("fips")
                    && !FALSE.contains(value.toLowerCase(Locale.ROOT));
            if (keyClaims || FIPS_WORD.matcher(value).find()) {
                claims.add(new FipsEvidenceItem(EvidenceStrength.CLAIMED, "label", null, key + "=" + value));
            }
        }
        return claims;
    }

    private static String nameAndTag(String reference) {
        ReferenceParseResult parsed = ImageReference.tryParse(reference);
        if (parsed instanceof ReferenceParseResult.Valid valid) {
            ImageReference ref = valid.reference();
            return ref.repository() + ref.tag().map(tag -> ":" + tag).orElse("");
        }
        return reference == null ? "" : reference;
    }
}
