package dev.imagecensus.enricher.classify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an image config blob classification reads.
 *
 * @param os           {@code os}, null when unknown
 * @param architecture {@code architecture}, null when unknown
 * @param variant      {@code variant}, null when none
 * @param labels       {@code config.Labels}
 * @param env          {@code config.Env}, as {@code KEY=value} strings
 */
public record ImageConfig(String os, String architecture, String variant, Map<String, String> labels,
                          List<String> env) {

    public ImageConfig {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        env = env == null ? List.of() : List.copyOf(env);
    }

    /** A config we do not have (not fetched, or a bound stopped us first). */
    public static ImageConfig unknown() {
        return new ImageConfig(null, null, null, Map.of(), List.of());
    }

    /** {@link #env()} as a map; a later duplicate wins, as in a process environment. */
    public Map<String, String> environment() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : env) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                map.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return map;
    }

    /** True when the config says Windows. */
    public boolean isWindows() {
        return "windows".equalsIgnoreCase(os);
    }
}
