package dev.imagecensus.enricher.classify;

import dev.imagecensus.schemas.avro.EvidenceStrength;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a Go binary's build info says about FIPS. ENFORCED: {@code GOFIPS140} set (Go 1.24+ native module; it also
 * defaults {@code GODEBUG=fips140=on}), {@code DefaultGODEBUG} with {@code fips140=on|only}, or a build that refuses
 * to run outside FIPS mode ({@code requirefips} tag, {@code strictfipsruntime}). CAPABLE: BoringCrypto
 * ({@code GOEXPERIMENT=boringcrypto}, {@code -tags boringcrypto}, {@code X:boringcrypto} in the version) or crypto
 * delegated to a platform module ({@code systemcrypto}, {@code opensslcrypto}, {@code cngcrypto}).
 */
final class GoFipsRules {

    private static final List<String> PLATFORM_CRYPTO = List.of("systemcrypto", "opensslcrypto", "cngcrypto");
    private static final List<String> REQUIRE_FIPS = List.of("requirefips", "strictfipsruntime");

    private GoFipsRules() {
    }

    static Optional<FipsEvidenceItem> judge(String path, GoBuildInfo info) {
        String gofips = info.setting("GOFIPS140").map(String::strip).orElse("");
        String godebug = fips140(info.setting("DefaultGODEBUG").orElse(""));
        List<String> switches = switches(info);
        String version = info.goVersion() == null ? "" : " (" + info.goVersion() + ")";
        if (!gofips.isEmpty() && !gofips.equals("off")) {
            String module = gofips.matches("v\\d.*") || gofips.equals("certified") || gofips.equals("inprocess")
                    ? "frozen Go Cryptographic Module " + gofips : "in-tree crypto, not a frozen validated module";
            return item(EvidenceStrength.ENFORCED, path, "GOFIPS140=" + gofips + ": " + module
                    + (godebug == null ? "" : ", DefaultGODEBUG fips140=" + godebug) + version);
        }
        if ("on".equals(godebug) || "only".equals(godebug)) {
            return item(EvidenceStrength.ENFORCED, path, "DefaultGODEBUG fips140=" + godebug + version);
        }
        for (String required : REQUIRE_FIPS) {
            if (switches.contains(required)) {
                return item(EvidenceStrength.ENFORCED, path, "built with " + required + ": refuses to run outside FIPS mode" + version);
            }
        }
        if (switches.contains("boringcrypto")) {
            return item(EvidenceStrength.CAPABLE, path, "BoringCrypto (boringcrypto experiment or tag)" + version);
        }
        for (String platform : PLATFORM_CRYPTO) {
            if (switches.contains(platform)) {
                return item(EvidenceStrength.CAPABLE, path, platform + ": crypto delegated to the platform's module" + version);
            }
        }
        return Optional.empty();
    }

    /** The fips140 value in a GODEBUG list ("fips140=on,tlsrsakex=1"), or null. */
    static String fips140(String godebug) {
        String value = null;
        for (String pair : godebug.split(",")) {
            String p = pair.strip();
            if (p.startsWith("fips140=")) {
                value = p.substring("fips140=".length()).toLowerCase(Locale.ROOT); // the last one wins, as in Go
            }
        }
        return value;
    }

    /** Build tags and GOEXPERIMENTs, lower-cased, from the settings and the " X:a,b" suffix of the version. */
    private static List<String> switches(GoBuildInfo info) {
        List<String> all = new ArrayList<>();
        info.setting("-tags").ifPresent(tags -> all.addAll(Arrays.asList(tags.split("[,\\s]+"))));
        info.setting("GOEXPERIMENT").ifPresent(exp -> all.addAll(Arrays.asList(exp.split(","))));
        String version = info.goVersion() == null ? "" : info.goVersion();
        int x = version.indexOf(" X:");
        if (x >= 0) {
            all.addAll(Arrays.asList(version.substring(x + 3).strip().split(",")));
        }
        return all.stream().map(s -> s.strip().toLowerCase(Locale.ROOT).replaceFirst("^goexperiment\\.", "")).toList();
    }

    private static Optional<FipsEvidenceItem> item(EvidenceStrength strength, String path, String detail) {
        return Optional.of(new FipsEvidenceItem(strength, "go-buildinfo", path, detail));
    }
}
