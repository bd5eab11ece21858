package dev.imagecensus.fakeapi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A request's query parameters with the typed, validating accessors list and watch need. */
final class QueryParams {

  private final Map<String, String> values;

  private QueryParams(Map<String, String> values) {
    this.values = values;
  }

  static QueryParams parse(String rawQuery) {
    Map<String, String> values = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        values.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return new QueryParams(values);
  }

  Map<String, String> asMap() {
    return values;
  }

  /** The value, or {@code ""} when absent. */
  String string(String name) {
    return values.getOrDefault(name, "");
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  /** {@code true}/{@code 1} or {@code false}/{@code 0}/empty, as the API server accepts them. */
  boolean bool(String name) {
    String v = string(name);
    switch (v) {
      case "true":
      case "1":
        return true;
      case "false":
      case "0":
      case "":
        return false;
      default:
        throw ApiStatus.badRequest("invalid value for " + name + ": \"" + v + "\"");
    }
  }

  /** A non-negative integer, {@code 0} when absent. */
  long nonNegative(String name) {
    String v = string(name);
    if (v.isEmpty()) {
      return 0;
    }
    try {
      long n = Long.parseLong(v);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to the 400 below
    }
    throw ApiStatus.badRequest("invalid value for " + name + ": \"" + v + "\": must be a non-negative integer");
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiStatus.badRequest("malformed query string: " + e.getMessage());
    }
  }
}
