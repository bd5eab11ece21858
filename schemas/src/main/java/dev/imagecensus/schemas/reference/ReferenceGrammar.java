package dev.imagecensus.schemas.reference;

import java.util.Locale;

/**
 * The Docker reference grammar (distribution/reference {@code regexp.go}), one part at a time. Each check returns
 * a reason naming what is wrong, or {@code null} when the part is valid; hand-written rather than one big regex so
 * that the reason can be precise.
 */
final class ReferenceGrammar {

    /** Docker's {@code RepositoryNameTotalLengthMax}; applies to the repository path, not the registry. */
    static final int MAX_REPOSITORY_LENGTH = 255;
    static final int MAX_TAG_LENGTH = 128;

    private ReferenceGrammar() {
    }

    /** {@code host[:port]}: a DNS-like name or IPv4 (letters of either case), or an IPv6 address in brackets. */
    static String registryProblem(String registry) {
        String host;
        String port = null;
        if (registry.startsWith("[")) {
            int close = registry.indexOf(']');
            if (close < 0) {
                return "missing ']' after IPv6 address in registry '" + registry + "'";
            }
            host = registry.substring(0, close + 1);
            String rest = registry.substring(close + 1);
            if (!rest.isEmpty() && rest.charAt(0) != ':') {
                return "unexpected '" + rest + "' after IPv6 address in registry '" + registry + "'";
            }
            port = rest.isEmpty() ? null : rest.substring(1);
            String ipv6Problem = ipv6Problem(host);
            if (ipv6Problem != null) {
                return ipv6Problem;
            }
        } else {
            int colon = registry.indexOf(':');
            host = colon < 0 ? registry : registry.substring(0, colon);
            port = colon < 0 ? null : registry.substring(colon + 1);
            if (port != null && port.indexOf(':') >= 0) {
                return "registry '" + registry + "' has more than one ':' (an IPv6 address must be in brackets)";
            }
            String hostProblem = hostNameProblem(host, registry);
            if (hostProblem != null) {
                return hostProblem;
            }
        }
        return port == null ? null : portProblem(port, registry);
    }

    /** {@code path-component ['/' path-component]*}, lowercase only. */
    static String pathProblem(String path) {
        String[] components = path.split("/", -1);
        for (int i = 0; i < components.length; i++) {
            if (components[i].isEmpty()) {
                if (i == 0) {
                    return "repository path must not start with '/'";
                }
                return i == components.length - 1
                        ? "repository path must not end with '/'"
                        : "repository path must not contain '//'";
            }
        }
        boolean uppercase = false;
        for (String component : components) {
            String lower = component.toLowerCase(Locale.ROOT);
            String problem = pathComponentProblem(lower, component);
            if (problem != null) {
                return problem;
            }
            uppercase |= !lower.equals(component);
        }
        return uppercase ? "repository name must be lowercase" : null;
    }

    /** {@code [\w][\w.-]{0,127}}. */
    static String tagProblem(String tag) {
        if (tag.isEmpty()) {
            return "tag is empty after ':'";
        }
        if (tag.length() > MAX_TAG_LENGTH) {
            return "tag must not be more than " + MAX_TAG_LENGTH + " characters (got " + tag.length() + ")";
        }
        if (!isWordChar(tag.charAt(0))) {
            return "tag '" + tag + "' must start with a letter, digit or '_'";
        }
        for (int i = 1; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (!isWordChar(c) && c != '.' && c != '-') {
                return "invalid character '" + c + "' in tag '" + tag + "'";
            }
        }
        return null;
    }

    /** {@code sha256:} + 64 or {@code sha512:} + 128 lowercase hex characters; other algorithms are refused. */
    static String digestProblem(String digest) {
        if (digest.isEmpty()) {
            return "digest is empty after '@'";
        }
        int colon = digest.indexOf(':');
        if (colon < 0) {
            return "digest '" + digest + "' must have the form 'sha256:<64 hex characters>'";
        }
        String algorithm = digest.substring(0, colon);
        String hex = digest.substring(colon + 1);
        int expected;
        if (algorithm.equals("sha256")) {
            expected = 64;
        } else if (algorithm.equals("sha512")) {
            expected = 128;
        } else {
            return algorithm.isEmpty()
                    ? "digest '" + digest + "' has no algorithm before ':'"
                    : "unsupported digest algorithm '" + algorithm + "' (expected sha256 or sha512)";
        }
        boolean uppercase = false;
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (c >= 'A' && c <= 'F') {
                uppercase = true;
            } else if (!isDigit(c) && (c < 'a' || c > 'f')) {
                return "invalid character '" + c + "' in " + algorithm + " digest (hex expected)";
            }
        }
        if (hex.length() != expected) {
            return algorithm + " digest must have " + expected + " hex characters (got " + hex.length() + ")";
        }
        return uppercase ? algorithm + " digest must be lowercase hex" : null;
    }

    private static String ipv6Problem(String bracketed) {
        String address = bracketed.substring(1, bracketed.length() - 1);
        if (address.isEmpty()) {
            return "empty IPv6 address '[]' in registry";
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c != ':' && !isHexDigit(c)) {
                // Docker accepts only hex groups: no zone ids, no embedded IPv4.
                return "invalid character '" + c + "' in IPv6 address '" + bracketed + "' (only hex digits and ':')";
            }
        }
        return null;
    }

    private static String hostNameProblem(String host, String registry) {
        if (host.isEmpty()) {
            return "registry '" + registry + "' has an empty host";
        }
        for (String label : host.split("\\.", -1)) {
            if (label.isEmpty()) {
                return "registry host '" + host + "' has an empty label (leading, trailing or doubled '.')";
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!isAsciiLetterOrDigit(c) && c != '-') {
                    return "invalid character '" + c + "' in registry host '" + host + "'";
                }
            }
            if (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
                return "registry host label '" + label + "' must not start or end with '-'";
            }
        }
        return null;
    }

    private static String portProblem(String port, String registry) {
        if (port.isEmpty()) {
            return "registry '" + registry + "' has an empty port after ':'";
        }
        for (int i = 0; i < port.length(); i++) {
            if (!isDigit(port.charAt(i))) {
                return "registry port '" + port + "' must be numeric";
            }
        }
        return null;
    }

    /**
     * {@code [a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*}, checked on the lowercased component so that case gets its own
     * reason; {@code written} is quoted in reasons.
     */
    private static String pathComponentProblem(String component, String written) {
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (!isLowerAlnum(c) && c != '.' && c != '_' && c != '-') {
                return "invalid character '" + c + "' in repository path component '" + written + "'";
            }
        }
        if (!isLowerAlnum(component.charAt(0))) {
            return "repository path component '" + written + "' must start with a lowercase letter or digit";
        }
        if (!isLowerAlnum(component.charAt(component.length() - 1))) {
            return "repository path component '" + written + "' must end with a lowercase letter or digit";
        }
        int i = 0;
        while (i < component.length()) {
            int start = i;
            while (i < component.length() && !isLowerAlnum(component.charAt(i))) {
                i++;
            }
            String separator = component.substring(start, i);
            if (!separator.isEmpty() && !isSeparator(separator)) {
                return "invalid separator '" + separator + "' in repository path component '" + written
                        + "' (allowed: '.', '_', '__' or dashes)";
            }
            i = Math.max(i, start + 1);
        }
        return null;
    }

    private static boolean isSeparator(String s) {
        return s.equals(".") || s.equals("_") || s.equals("__") || s.chars().allMatch(c -> c == '-');
    }

    private static boolean isWordChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '_';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isLowerAlnum(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z');
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
