package dev.imagecensus.enricher.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An OpenSSL config file as {@code CONF_load} reads it: {@code [sections]}, {@code name = value} (quotes and
 * {@code #} comments stripped, backslash continuation lines joined) and {@code .include} of files or
 * directories, followed through a {@link Resolver} over the merged tree. Variables are not expanded.
 */
final class OpenSslConfig {

    /** The section of assignments before the first header. */
    static final String DEFAULT_SECTION = "default";
    private static final int MAX_INCLUDE_DEPTH = 8;
    private static final int MAX_SOURCES = 64;

    /** A config file's normalised path and text. */
    record Source(String path, String text) {
    }

    /** Finds the files an {@code .include} names (a file, or the {@code *.cnf}/{@code *.conf} of a directory). */
    interface Resolver {
        List<Source> resolve(String includePath, String includingFile);
    }

    private final Map<String, Map<String, String>> sections = new HashMap<>();
    private final List<String> readFiles = new ArrayList<>();
    private final List<String> unresolvedIncludes = new ArrayList<>();
    private final Set<String> visited = new HashSet<>();
    private String section = DEFAULT_SECTION;

    private OpenSslConfig() {
    }

    /** Reads {@code root} and everything it includes. */
    static OpenSslConfig load(Source root, Resolver resolver) {
        OpenSslConfig config = new OpenSslConfig();
        config.read(root, resolver, 0);
        return config;
    }

    /** The assignments of {@code name}, empty when the section does not exist. */
    Map<String, String> section(String name) {
        return name == null ? Map.of() : sections.getOrDefault(name, Map.of());
    }

    /** True when a section called {@code name} exists. */
    boolean hasSection(String name) {
        return name != null && sections.containsKey(name);
    }

    /** Every file read, the root first. */
    List<String> readFiles() {
        return readFiles;
    }

    /** Include targets that were not in the merged tree. */
    List<String> unresolvedIncludes() {
        return unresolvedIncludes;
    }

    private void read(Source source, Resolver resolver, int depth) {
        if (!visited.add(source.path()) || readFiles.size() >= MAX_SOURCES) {
            return; // an include cycle or a runaway include tree
        }
        readFiles.add(source.path());
        for (String line : logicalLines(source.text())) {
            String stripped = stripComment(line).strip();
            if (stripped.isEmpty() || stripped.startsWith(".pragma")) {
                continue;
            }
            if (stripped.startsWith("[")) {
                int close = stripped.indexOf(']');
                section = (close < 0 ? stripped.substring(1) : stripped.substring(1, close)).strip();
            } else if (stripped.startsWith(".include")) {
                String target = unquote(stripped.substring(".include".length()).strip().replaceFirst("^=\\s*", ""));
                include(target, source.path(), resolver, depth);
            } else {
                int eq = stripped.indexOf('=');
                if (eq > 0) {
                    sections.computeIfAbsent(section, s -> new LinkedHashMap<>())
                            .put(stripped.substring(0, eq).strip(), unquote(stripped.substring(eq + 1).strip()));
                }
            }
        }
    }

    private void include(String target, String from, Resolver resolver, int depth) {
        List<Source> included = depth < MAX_INCLUDE_DEPTH ? resolver.resolve(target, from) : List.of();
        if (included.isEmpty()) {
            unresolvedIncludes.add(target);
        }
        for (Source source : included) {
            read(source, resolver, depth + 1);
        }
    }

    private static List<String> logicalLines(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : text.split("\\R", -1)) {
            if (line.endsWith("\\") && !line.endsWith("\\\\")) {
                pending.append(line, 0, line.length() - 1);
            } else {
                lines.add(pending.append(line).toString());
                pending.setLength(0);
            }
        }
        return lines;
    }

    private static String stripComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
