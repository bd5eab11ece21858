package dev.imagecensus.enricher.classify;

import dev.imagecensus.schemas.avro.EvidenceStrength;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges a loaded {@link OpenSslConfig}. From {@code openssl_conf} in the default section to the init section,
 * then: ENFORCED when its {@code alg_section} requires {@code fips=yes} in {@code default_properties} (OpenSSL 3)
 * or sets {@code fips_mode = yes} (the OpenSSL 1.0.2 FIPS module): every fetch must come from the FIPS provider.
 * CAPABLE when the {@code providers} section loads a FIPS provider ({@code fips = …}, or a section whose
 * {@code module} is {@code fips.so} or whose {@code identity} is {@code fips}) and activates it, or its section is in
 * an include we could not read. A config that only mentions FIPS in comments says nothing.
 */
final class OpenSslFipsRules {

    private static final Set<String> TRUE = Set.of("1", "yes", "true", "on");

    private OpenSslFipsRules() {
    }

    /** A judgement: strength and a human-readable reason. */
    record Finding(EvidenceStrength strength, String detail) {
    }

    static Optional<Finding> judge(OpenSslConfig config) {
        Map<String, String> init = config.section(config.section(OpenSslConfig.DEFAULT_SECTION).get("openssl_conf"));
        if (init.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> algorithms = config.section(init.get("alg_section"));
        String provider = fipsProvider(config, config.section(init.get("providers")));
        String via = config.readFiles().size() > 1
                ? " (read with " + String.join(", ", config.readFiles().subList(1, config.readFiles().size())) + ")" : "";
        if (requiresFips(algorithms.get("default_properties"))) {
            String activation = provider == null ? "; no fips provider configured" : "; fips provider " + provider;
            return Optional.of(new Finding(EvidenceStrength.ENFORCED,
                    "default_properties = " + algorithms.get("default_properties") + activation + via));
        }
        if (isTrue(algorithms.get("fips_mode"))) {
            return Optional.of(new Finding(EvidenceStrength.ENFORCED, "fips_mode = yes (OpenSSL 1.0.2 FIPS module)" + via));
        }
        if (provider != null && !provider.equals("configured")) {
            return Optional.of(new Finding(EvidenceStrength.CAPABLE,
                    "fips provider " + provider + ", but default_properties does not require fips=yes" + via));
        }
        return Optional.empty();
    }

    /** "activated", "in an unread include", "configured" (present, not activated), or null when absent. */
    private static String fipsProvider(OpenSslConfig config, Map<String, String> providers) {
        for (Map.Entry<String, String> entry : providers.entrySet()) {
            String sectionName = entry.getValue();
            Map<String, String> section = config.section(sectionName);
            boolean fips = entry.getKey().equalsIgnoreCase("fips")
                    || section.getOrDefault("module", "").endsWith("fips.so")
                    || "fips".equalsIgnoreCase(section.get("identity"));
            if (!fips) {
                continue;
            }
            if (!config.hasSection(sectionName)) {
                return config.unresolvedIncludes().isEmpty() ? "configured" : "in an unread include";
            }
            return isTrue(section.get("activate")) ? "activated" : "configured";
        }
        return null;
    }

    /** True when the property query makes fips=yes mandatory ("?fips=yes" is only a preference). */
    static boolean requiresFips(String properties) {
        if (properties == null) {
            return false;
        }
        for (String clause : properties.split(",")) {
            String c = clause.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
            if (c.equals("fips=yes") || c.equals("fips=true") || c.equals("fips")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTrue(String value) {
        return value != null && TRUE.contains(value.strip().toLowerCase(Locale.ROOT));
    }
}
