package dev.imagecensus.fakeapi;

import java.util.Map;

/**
 * A request the server received, for tests that check what a client asked for.
 *
 * @param method HTTP method
 * @param path request path
 * @param query decoded query parameters in request order
 */
public record RecordedRequest(String method, String path, Map<String, String> query) {

  /** Whether this was a WATCH ({@code watch=true} or {@code watch=1}). */
  public boolean isWatch() {
    String w = query.getOrDefault("watch", "");
    return w.equals("true") || w.equals("1");
  }

  /** The {@code resourceVersion} parameter, {@code ""} when absent. */
  public String resourceVersion() {
    return query.getOrDefault("resourceVersion", "");
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(method).append(' ').append(path);
    char sep = '?';
    for (Map.Entry<String, String> e : query.entrySet()) {
      s.append(sep).append(e.getKey()).append('=').append(e.getValue());
      sep = '&';
    }
    return s.toString();
  }
}
