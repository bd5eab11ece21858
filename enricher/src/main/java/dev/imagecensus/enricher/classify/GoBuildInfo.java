package dev.imagecensus.enricher.classify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a Go binary says about how it was built ({@code go version -m}).
 *
 * @param goVersion the toolchain ({@code go1.24.1}, {@code go1.21.0 X:boringcrypto}); null for pre-1.18 binaries,
 *                  whose version is only reachable through a pointer
 * @param mainPath  the main package path, null when absent
 * @param settings  the {@code build} lines, in order ({@code GOFIPS140 → v1.0.0}, {@code -tags → netgo,boringcrypto})
 */
public record GoBuildInfo(String goVersion, String mainPath, Map<String, String> settings) {

    public GoBuildInfo {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** The value of build setting {@code key}. */
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }
}
