package dev.imagecensus.fakeapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes label selector in its string form: {@code a=b}, {@code a==b}, {@code a!=b},
 * {@code a in (x,y)}, {@code a notin (x)}, {@code a}, {@code !a}, {@code a>1}, {@code a<1},
 * comma-separated and all required.
 */
final class LabelSelector {

  private enum Op { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, DOES_NOT_EXIST, GREATER, LESS }

  private record Requirement(String key, Op op, Set<String> values) {}

  private static final String KEY = "((?:[A-Za-z0-9][-A-Za-z0-9.]*/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)";
  private static final String VALUE = "([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?";
  private static final Pattern SET = Pattern.compile(KEY + "\\s+(in|notin)\\s*\\((.*)\\)");
  private static final Pattern COMPARE = Pattern.compile(KEY + "\\s*(==|=|!=|>|<)\\s*" + VALUE);
  private static final Pattern EXISTS = Pattern.compile("(!?)\\s*" + KEY);
  private static final Pattern SET_VALUE = Pattern.compile(VALUE);

  static final LabelSelector EVERYTHING = new LabelSelector(List.of());

  private final List<Requirement> requirements;

  private LabelSelector(List<Requirement> requirements) {
    this.requirements = requirements;
  }

  /** Parses a selector; an empty string selects everything. Bad syntax is a 400. */
  static LabelSelector parse(String selector) {
    List<Requirement> reqs = new ArrayList<>();
    for (String part : splitOutsideParentheses(selector)) {
      String p = part.trim();
      if (!p.isEmpty()) {
        reqs.add(requirement(p));
      }
    }
    return reqs.isEmpty() ? EVERYTHING : new LabelSelector(List.copyOf(reqs));
  }

  boolean isEverything() {
    return requirements.isEmpty();
  }

  /** Whether labels (looked up by key, null when absent) satisfy every requirement. */
  boolean matches(UnaryOperator<String> labels) {
    for (Requirement r : requirements) {
      if (!matches(r, labels.apply(r.key()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(Requirement r, String value) {
    switch (r.op()) {
      case EQUALS:
      case IN:
        return value != null && r.values().contains(value);
      case NOT_EQUALS:
      case NOT_IN:
        return value == null || !r.values().contains(value);
      case EXISTS:
        return value != null;
      case DOES_NOT_EXIST:
        return value == null;
      case GREATER:
      case LESS:
        return value != null && compare(r, value);
      default:
        throw new IllegalStateException(r.op().name());
    }
  }

  private static boolean compare(Requirement r, String value) {
    try {
      long actual = Long.parseLong(value);
      long bound = Long.parseLong(r.values().iterator().next());
      return r.op() == Op.GREATER ? actual > bound : actual < bound;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Requirement requirement(String p) {
    Matcher m = SET.matcher(p);
    if (m.matches()) {
      Set<String> values = new LinkedHashSet<>();
      for (String v : m.group(4).split(",")) {
        String value = v.trim();
        if (!SET_VALUE.matcher(value).matches()) {
          throw invalid(p);
        }
        values.add(value);
      }
      return new Requirement(m.group(1), m.group(3).equals("in") ? Op.IN : Op.NOT_IN, Set.copyOf(values));
    }
    m = COMPARE.matcher(p);
    if (m.matches()) {
      String value = m.group(4) == null ? "" : m.group(4);
      Op op = switch (m.group(3)) {
        case "!=" -> Op.NOT_EQUALS;
        case ">" -> Op.GREATER;
        case "<" -> Op.LESS;
        default -> Op.EQUALS;
      };
      if ((op == Op.GREATER || op == Op.LESS) && !value.matches("-?[0-9]+")) {
        throw invalid(p);
      }
      return new Requirement(m.group(1), op, Set.of(value));
    }
    m = EXISTS.matcher(p);
    if (m.matches()) {
      return new Requirement(m.group(2), m.group(1).isEmpty() ? Op.EXISTS : Op.DOES_NOT_EXIST, Set.of());
    }
    throw invalid(p);
  }

  private static ApiStatus invalid(String requirement) {
    return ApiStatus.badRequest("unable to parse requirement: \"" + requirement + "\"");
  }

  private static List<String> splitOutsideParentheses(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }
}
