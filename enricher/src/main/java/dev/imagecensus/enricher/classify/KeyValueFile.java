package dev.imagecensus.enricher.classify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses shell-style {@code KEY=value} files: os-release(5) and {@code /etc/lsb-release}. Comments and blank lines
 * are skipped; values may be unquoted, "double-quoted" (with {@code \" \\ \$ \`} escapes) or 'single-quoted', and
 * quoted parts concatenate as in a shell word. Invalid lines are ignored, never fatal.
 */
final class KeyValueFile {

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private KeyValueFile() {
    }

    /** The assignments in {@code text}; a later duplicate wins. */
    static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            int eq = trimmed.indexOf('=');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || eq <= 0) {
                continue;
            }
            String key = trimmed.substring(0, eq).strip();
            if (key.startsWith("export ")) {
                key = key.substring(7).strip();
            }
            if (KEY.matcher(key).matches()) {
                values.put(key, word(trimmed.substring(eq + 1).strip()));
            }
        }
        return values;
    }

    /** The first shell word of {@code raw}: quotes removed, escapes applied, ends at unquoted whitespace;
     * a leading '#' is a comment. */
    static String word(String raw) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    out.append(c);
                }
            } else if (c == '\\' && i + 1 < raw.length()
                    && (quote == 0 || "\"\\$`".indexOf(raw.charAt(i + 1)) >= 0)) {
                out.append(raw.charAt(++i));
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    out.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (Character.isWhitespace(c) || (c == '#' && i == 0)) {
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
