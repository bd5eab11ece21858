package dev.imagecensus.watcher.inventory;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * KAI-style namespace selection: a namespace counts when the include list is empty or one of its entries matches,
 * and no exclude entry matches. Each entry is an exact name or a regular expression matched against the whole
 * name ({@code kube-.*}); exact names need no quoting since namespace names hold no regex metacharacters.
 */
public final class NamespaceFilter {

    private static final NamespaceFilter ALL = new NamespaceFilter(List.of(), List.of());

    private final List<Pattern> include;
    private final List<Pattern> exclude;

    private NamespaceFilter(List<Pattern> include, List<Pattern> exclude) {
        this.include = include;
        this.exclude = exclude;
    }

    /** A filter that lets every namespace through. */
    public static NamespaceFilter all() {
        return ALL;
    }

    /** @throws PatternSyntaxException when an entry is neither a name nor a valid regex */
    public static NamespaceFilter of(List<String> include, List<String> exclude) {
        return new NamespaceFilter(compile(include), compile(exclude));
    }

    public boolean includes(String namespace) {
        return (include.isEmpty() || matchesAny(include, namespace)) && !matchesAny(exclude, namespace);
    }

    private static boolean matchesAny(List<Pattern> patterns, String namespace) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(namespace).matches()) {
                return true;
            }
        }
        return false;
    }

    private static List<Pattern> compile(List<String> entries) {
        return entries.stream().map(String::strip).filter(e -> !e.isEmpty()).map(Pattern::compile).toList();
    }

    @Override
    public String toString() {
        return "NamespaceFilter[include=" + include + ", exclude=" + exclude + "]";
    }
}
