package dev.imagecensus.schemas.reference;

/**
 * A string that is not a valid image reference. The message reads {@code invalid reference "Nginx": repository name
 * must be lowercase}; {@link #reason()} alone names what is wrong, for dead letters and status fields.
 */
public class InvalidImageReferenceException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    /** Long enough for any valid reference; longer junk is cut in the message (never in {@link #input()}). */
    private static final int MAX_QUOTED_INPUT = 512;

    private final String input;
    private final String reason;

    public InvalidImageReferenceException(String input, String reason) {
        super(message(input, reason));
        this.input = input == null ? "" : input;
        this.reason = reason;
    }

    /** The rejected input as given ({@code null} is reported as the empty string). */
    public String input() {
        return input;
    }

    /** What is wrong, e.g. {@code repository name must be lowercase}. */
    public String reason() {
        return reason;
    }

    /** The full human message; the input is escaped so that a hostile value cannot forge log lines. */
    static String message(String input, String reason) {
        String raw = input == null ? "" : input;
        StringBuilder quoted = new StringBuilder(Math.min(raw.length(), MAX_QUOTED_INPUT) + 16);
        for (int i = 0; i < raw.length() && i < MAX_QUOTED_INPUT; i++) {
            char c = raw.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        if (raw.length() > MAX_QUOTED_INPUT) {
            quoted.append("...(").append(raw.length()).append(" characters)");
        }
        return "invalid reference \"" + quoted + "\": " + reason;
    }

    /** A character for a reason: {@code '!'}, {@code ' ' (whitespace)}, or {@code U+00A0 (whitespace)} when unprintable. */
    static String describe(char c) {
        if (c == ' ') {
            return "' ' (whitespace)";
        }
        if (c > 0x20 && c < 0x7f) {
            return "'" + c + "'";
        }
        boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c);
        return String.format("U+%04X", (int) c) + (space ? " (whitespace)" : "");
    }
}
