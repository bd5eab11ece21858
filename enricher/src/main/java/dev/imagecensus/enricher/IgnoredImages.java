package dev.imagecensus.enricher;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * References never sent to a registry ({@code --ignored-images}, like the existence exporter's flag): each entry
 * is an exact reference or a regular expression matched against the whole reference, written or canonical.
 */
public final class IgnoredImages {

    private final List<Pattern> patterns;

    private IgnoredImages(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    public static IgnoredImages none() {
        return new IgnoredImages(List.of());
    }

    /** @throws IllegalArgumentException naming the entry when one is not a valid regular expression */
    public static IgnoredImages of(List<String> entries) {
        return new IgnoredImages(entries.stream().map(String::trim).filter(e -> !e.isEmpty()).map(IgnoredImages::compile).toList());
    }

    public boolean matches(String written, String canonical) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(written).matches() || (canonical != null && pattern.matcher(canonical).matches())) {
                return true;
            }
        }
        return false;
    }

    private static Pattern compile(String entry) {
        try {
            // An exact name is also a valid regex that matches itself, except for its dots: quote those first.
            return Pattern.compile(Pattern.quote(entry) + "|" + entry);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("--ignored-images entry \"" + entry + "\" is not a valid regular expression: "
                    + e.getDescription(), e);
        }
    }

    @Override
    public String toString() {
        return patterns.toString();
    }
}
