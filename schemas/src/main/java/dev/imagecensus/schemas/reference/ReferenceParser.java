package dev.imagecensus.schemas.reference;

import java.util.Locale;

/**
 * Splits a reference into registry, path, tag and digest and normalises it the way Docker does
 * (distribution/reference {@code normalize.go}): {@code docker.io} by default, {@code index.docker.io} folded into
 * it, {@code library/} for single-component Docker Hub names, {@code latest} when neither tag nor digest is given.
 */
final class ReferenceParser {

    static final String DOCKER_HUB = "docker.io";
    private static final String LEGACY_DOCKER_HUB = "index.docker.io";
    private static final String OFFICIAL_PREFIX = "library/";
    static final String DEFAULT_TAG = "latest";

    private ReferenceParser() {
    }

    static ReferenceParseResult parse(String input) {
        String problem = wholeInputProblem(input);
        if (problem != null) {
            return invalid(input, problem);
        }
        int at = input.indexOf('@');
        String nameAndTag = at < 0 ? input : input.substring(0, at);
        String digest = at < 0 ? null : input.substring(at + 1);
        if (nameAndTag.isEmpty()) {
            return invalid(input, "missing repository name before '@'");
        }

        // Docker's rule: the first component is a registry only if it looks like a host.
        String registry = null;
        String remainder = nameAndTag;
        int slash = nameAndTag.indexOf('/');
        if (slash >= 0 && looksLikeRegistry(nameAndTag.substring(0, slash))) {
            registry = nameAndTag.substring(0, slash);
            remainder = nameAndTag.substring(slash + 1);
            problem = ReferenceGrammar.registryProblem(registry);
            if (problem == null && remainder.isEmpty()) {
                problem = "missing repository path after registry '" + registry + "'";
            }
        } else if (slash < 0 && nameAndTag.startsWith("[")) {
            problem = "IPv6 registry must be followed by '/' and a repository path";
        }
        if (problem != null) {
            return invalid(input, problem);
        }

        int colon = remainder.indexOf(':');
        String path = colon < 0 ? remainder : remainder.substring(0, colon);
        String tag = colon < 0 ? null : remainder.substring(colon + 1);
        problem = nameAndTagProblem(path, tag, remainder);
        if (problem == null && digest != null) {
            problem = ReferenceGrammar.digestProblem(digest);
        }
        if (problem != null) {
            return invalid(input, problem);
        }

        if (registry == null || registry.equals(LEGACY_DOCKER_HUB)) {
            registry = DOCKER_HUB;
        }
        if (registry.equals(DOCKER_HUB) && path.indexOf('/') < 0) {
            path = OFFICIAL_PREFIX + path;
        }
        if (path.length() > ReferenceGrammar.MAX_REPOSITORY_LENGTH) {
            return invalid(input, "repository name must not be more than " + ReferenceGrammar.MAX_REPOSITORY_LENGTH
                    + " characters (got " + path.length() + ")");
        }
        if (tag == null && digest == null) {
            tag = DEFAULT_TAG;
        }
        return new ReferenceParseResult.Valid(new ImageReference(registry, path, tag, digest));
    }

    /** Checks that need the whole string: emptiness, stray characters, URLs, image IDs, repeated '@'. */
    private static String wholeInputProblem(String input) {
        if (input == null || input.isBlank()) {
            return "empty reference";
        }
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (!isReferenceChar(c)) {
                return "invalid character " + InvalidImageReferenceException.describe(c) + " at index " + i;
            }
        }
        int scheme = input.indexOf("://");
        if (scheme >= 0) {
            return "a reference has no URL scheme ('" + input.substring(0, scheme + 3) + "')";
        }
        if (input.length() == 64 && input.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return "cannot specify 64-byte hexadecimal strings (an image ID is not a repository name)";
        }
        int at = input.indexOf('@');
        if (at >= 0 && input.indexOf('@', at + 1) >= 0) {
            return "more than one '@' (only one digest is allowed)";
        }
        return null;
    }

    private static String nameAndTagProblem(String path, String tag, String remainder) {
        if (tag != null && tag.indexOf('/') >= 0) {
            return "unexpected ':' in repository path '" + remainder + "'";
        }
        if (path.isEmpty()) {
            return tag != null ? "missing repository name before ':'" : "missing repository name";
        }
        String problem = ReferenceGrammar.pathProblem(path);
        if (problem == null && tag != null) {
            problem = ReferenceGrammar.tagProblem(tag);
        }
        return problem;
    }

    private static boolean looksLikeRegistry(String first) {
        return first.equals("localhost")
                || first.indexOf('.') >= 0
                || first.indexOf(':') >= 0
                // Docker: a repository path is never uppercase, so an uppercase first component must be a host.
                || !first.toLowerCase(Locale.ROOT).equals(first);
    }

    /** Every character that may appear somewhere in a reference; '+' only in a digest algorithm. */
    private static boolean isReferenceChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "._-/:@[]+".indexOf(c) >= 0;
    }

    private static ReferenceParseResult invalid(String input, String reason) {
        return new ReferenceParseResult.Invalid(input == null ? "" : input, reason);
    }
}
