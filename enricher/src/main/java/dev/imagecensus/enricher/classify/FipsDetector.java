package dev.imagecensus.enricher.classify;

import dev.imagecensus.schemas.avro.EvidenceStrength;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Collects FIPS evidence from a merged tree: OpenSSL configs (the {@code OPENSSL_CONF} of the image config first,
 * then the distros' default locations, each judged once by real path), FIPS markers, the RHEL crypto policy, Go
 * build info, and {@code GODEBUG} in the image config.
 */
final class FipsDetector {

    private FipsDetector() {
    }

    static List<FipsEvidenceItem> fromFiles(MergedView view, Map<String, String> env) {
        List<FipsEvidenceItem> evidence = new ArrayList<>(openSslConfigs(view, env));
        markers(view, evidence);
        cryptoPolicy(view).ifPresent(evidence::add);
        boolean anyGo = false;
        for (Map.Entry<String, FileFact> entry : view.entries().entrySet()) {
            GoBuildInfo go = entry.getValue().goBuildInfo();
            if (go != null) {
                anyGo = true;
                GoFipsRules.judge(entry.getKey(), go).ifPresent(evidence::add);
            }
        }
        String godebug = GoFipsRules.fips140(env.getOrDefault("GODEBUG", ""));
        if (anyGo && ("on".equals(godebug) || "only".equals(godebug))) {
            evidence.add(new FipsEvidenceItem(EvidenceStrength.ENFORCED, "env", null,
                    "GODEBUG=fips140=" + godebug + " in the image config applies to its Go binaries"));
        }
        return evidence;
    }

    private static List<FipsEvidenceItem> openSslConfigs(MergedView view, Map<String, String> env) {
        List<String> candidates = new ArrayList<>();
        if (env.containsKey("OPENSSL_CONF")) {
            candidates.add(env.get("OPENSSL_CONF"));
        }
        candidates.addAll(InterestingPaths.OPENSSL_CONFIGS);
        Set<String> judged = new HashSet<>();
        List<FipsEvidenceItem> evidence = new ArrayList<>();
        for (String candidate : candidates) {
            String path = ImagePaths.normalize(candidate);
            Optional<MergedView.Resolved> file = view.lookup(path)
                    .filter(r -> r.fact().kind() == FileFact.Kind.CONTENT);
            if (file.isEmpty() || !judged.add(file.get().path())) {
                continue; // absent, or the same file under another name (Debian's usr/lib/ssl → etc/ssl)
            }
            OpenSslConfig config = OpenSslConfig.load(new OpenSslConfig.Source(file.get().path(), file.get().fact().text()),
                    (include, from) -> resolveInclude(view, include, from));
            String shown = file.get().path().equals(path) ? path : path + " -> " + file.get().path();
            OpenSslFipsRules.judge(config).ifPresent(finding -> evidence.add(
                    new FipsEvidenceItem(finding.strength(), "openssl-config", shown, finding.detail())));
        }
        return evidence;
    }

    private static List<OpenSslConfig.Source> resolveInclude(MergedView view, String include, String from) {
        // Relative includes are taken relative to the including file (OpenSSL uses the working directory or
        // OPENSSL_CONF_INCLUDE, which a static scan cannot know; the config's own directory is the usual intent).
        String path = include.startsWith("/") ? ImagePaths.normalize(include)
                : ImagePaths.normalize(ImagePaths.join(ImagePaths.parent(from), include));
        Optional<MergedView.Resolved> file = view.lookup(path).filter(r -> r.fact().kind() == FileFact.Kind.CONTENT);
        if (file.isPresent()) {
            return List.of(new OpenSslConfig.Source(file.get().path(), file.get().fact().text()));
        }
        return view.contentFilesIn(path).stream()
                .filter(r -> r.path().endsWith(".cnf") || r.path().endsWith(".conf"))
                .map(r -> new OpenSslConfig.Source(r.path(), r.fact().text()))
                .toList();
    }

    private static void markers(MergedView view, List<FipsEvidenceItem> evidence) {
        for (String path : view.entries().keySet()) {
            Optional<MarkerKind> marker = InterestingPaths.marker(path);
            if (marker.isEmpty() || view.lookup(path).isEmpty()) {
                continue; // not a marker, or a dangling symlink
            }
            String name = ImagePaths.name(path);
            switch (marker.get()) {
                case FIPS_PROVIDER -> evidence.add(new FipsEvidenceItem(EvidenceStrength.CAPABLE, "fips-provider", path,
                        "OpenSSL 3 FIPS provider module present"));
                case BC_FIPS_JAR -> evidence.add(new FipsEvidenceItem(EvidenceStrength.CAPABLE, "bc-fips-jar", path,
                        "Bouncy Castle FIPS module " + name));
                case SYSTEM_FIPS -> evidence.add(new FipsEvidenceItem(EvidenceStrength.CAPABLE, "system-fips", path,
                        "RHEL FIPS-mode marker"));
                case FIPSHARDENED_SBOM -> evidence.add(new FipsEvidenceItem(EvidenceStrength.ENFORCED,
                        "chainguard-fipshardened", path,
                        "openssl-config-fipshardened installed: OpenSSL defaults to the FIPS provider with fips=yes"));
                case BUSYBOX -> { }
            }
        }
    }

    private static Optional<FipsEvidenceItem> cryptoPolicy(MergedView view) {
        return view.lookup(InterestingPaths.CRYPTO_POLICY)
                .filter(r -> r.fact().kind() == FileFact.Kind.CONTENT)
                .flatMap(r -> r.fact().text().lines().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst())
                .filter(policy -> policy.equals("FIPS") || policy.startsWith("FIPS:"))
                .map(policy -> new FipsEvidenceItem(EvidenceStrength.ENFORCED, "crypto-policy",
                        InterestingPaths.CRYPTO_POLICY, "system-wide crypto policy " + policy
                        + " (approved algorithms only)"));
    }
}
