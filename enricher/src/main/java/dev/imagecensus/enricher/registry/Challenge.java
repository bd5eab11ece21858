package dev.imagecensus.enricher.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code WWW-Authenticate} challenge: scheme ({@code basic}, {@code bearer}, lower case) and parameters
 * (names lower case). {@link #parse(String)} reads RFC 9110 syntax: several challenges per header, quoted
 * strings with backslash escapes, token values. Pure.
 */
public record Challenge(String scheme, Map<String, String> params) {

    public Challenge {
        params = Map.copyOf(params);
    }

    public String realm() {
        return params.getOrDefault("realm", "");
    }

    public String service() {
        return params.get("service");
    }

    /** The {@code error} parameter, e.g. {@code insufficient_scope}, or empty. */
    public String error() {
        return params.getOrDefault("error", "");
    }

    public boolean isBearer() {
        return scheme.equals("bearer");
    }

    public boolean isBasic() {
        return scheme.equals("basic");
    }

    /** The challenge to answer: Bearer if offered (with a realm), else Basic, else none. */
    public static Optional<Challenge> preferred(List<String> headerValues) {
        List<Challenge> all = new ArrayList<>();
        headerValues.forEach(v -> all.addAll(parse(v)));
        return all.stream().filter(c -> c.isBearer() && !c.realm().isEmpty()).findFirst()
                .or(() -> all.stream().filter(Challenge::isBasic).findFirst());
    }

    /** Every challenge in one header value; unreadable trailing input is ignored. */
    public static List<Challenge> parse(String header) {
        List<Challenge> challenges = new ArrayList<>();
        Cursor c = new Cursor(header == null ? "" : header);
        while (true) {
            c.skip(" \t,");
            String scheme = c.token();
            if (scheme.isEmpty()) {
                return challenges;
            }
            Map<String, String> params = new LinkedHashMap<>();
            while (true) {
                int mark = c.pos;
                c.skip(" \t,");
                String name = c.token();
                c.skip(" \t");
                if (name.isEmpty() || !c.consume('=')) {
                    c.pos = mark; // the next challenge's scheme, or the end
                    break;
                }
                c.skip(" \t");
                params.put(name.toLowerCase(Locale.ROOT), c.peek() == '"' ? c.quoted() : c.token());
            }
            challenges.add(new Challenge(scheme.toLowerCase(Locale.ROOT), params));
        }
    }

    private static final class Cursor {
        private final String s;
        private int pos;

        Cursor(String s) {
            this.s = s;
        }

        char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        void skip(String chars) {
            while (pos < s.length() && chars.indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
        }

        boolean consume(char ch) {
            if (peek() == ch) {
                pos++;
                return true;
            }
            return false;
        }

        String token() {
            int start = pos;
            while (pos < s.length() && " \t,=\"".indexOf(s.charAt(pos)) < 0) {
                pos++;
            }
            return s.substring(start, pos);
        }

        String quoted() {
            StringBuilder out = new StringBuilder();
            pos++; // opening quote
            while (pos < s.length() && s.charAt(pos) != '"') {
                char ch = s.charAt(pos++);
                if (ch == '\\' && pos < s.length()) {
                    ch = s.charAt(pos++);
                }
                out.append(ch);
            }
            pos = Math.min(s.length(), pos + 1); // closing quote
            return out.toString();
        }
    }
}
