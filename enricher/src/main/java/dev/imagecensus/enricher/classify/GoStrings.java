package dev.imagecensus.enricher.classify;

/** Go's double-quoted string literals, as {@code strconv.Quote} writes them into build settings. */
final class GoStrings {

    private GoStrings() {
    }

    /** Index of the quote closing the literal that starts at index 0, or -1. */
    static int closingQuote(String s) {
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    /** Unquotes a Go literal; malformed input is returned without its outer quotes, escapes kept. */
    static String unquote(String quoted) {
        int close = closingQuote(quoted);
        if (!quoted.startsWith("\"") || close < 0) {
            return quoted;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < close; i++) {
            char c = quoted.charAt(i);
            if (c != '\\' || i + 1 >= close) {
                out.append(c);
                continue;
            }
            char e = quoted.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'x' -> i = appendHex(quoted, i, 2, out);
                case 'u' -> i = appendHex(quoted, i, 4, out);
                case 'U' -> i = appendHex(quoted, i, 8, out);
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    private static int appendHex(String s, int at, int digits, StringBuilder out) {
        if (at + digits >= s.length()) {
            return at;
        }
        try {
            out.appendCodePoint(Integer.parseInt(s.substring(at + 1, at + 1 + digits), 16));
            return at + digits;
        } catch (IllegalArgumentException e) {
            return at;
        }
    }
}
