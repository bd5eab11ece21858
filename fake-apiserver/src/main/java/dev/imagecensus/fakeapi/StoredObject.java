package dev.imagecensus.fakeapi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One object as the server keeps it: pre-serialised JSON without {@code kind}/{@code apiVersion}
 * (that is how a real API server writes list items), plus the few keys the HTTP API filters on.
 * Immutable; a change makes a new instance.
 *
 * @param kind resource kind
 * @param namespace namespace, {@code ""} for cluster-scoped objects
 * @param name object name
 * @param uid {@code metadata.uid}
 * @param creationTimestamp {@code metadata.creationTimestamp}
 * @param resourceVersion {@code metadata.resourceVersion} as a number
 * @param body the JSON object without type meta; {@code metadata.resourceVersion} already set
 * @param labels {@code metadata.labels} flattened as key, value, key, value, ...
 */
record StoredObject(
    ResourceKind kind,
    String namespace,
    String name,
    String uid,
    String creationTimestamp,
    long resourceVersion,
    byte[] body,
    String[] labels) {

  /** Sort and lookup key, in the order etcd keeps objects: {@code namespace/name} or {@code name}. */
  String key() {
    return key(kind, namespace, name);
  }

  static String key(ResourceKind kind, String namespace, String name) {
    return kind.namespaced() ? namespace + "/" + name : name;
  }

  /** The value of a label, or null. */
  String label(String key) {
    for (int i = 0; i < labels.length; i += 2) {
      if (labels[i].equals(key)) {
        return labels[i + 1];
      }
    }
    return null;
  }

  /** Writes the object with {@code kind} and {@code apiVersion} first, as in a watch event or GET. */
  void writeWithTypeMeta(OutputStream out) throws IOException {
    out.write(TypeMeta.prefix(kind));
    if (body.length > 2) {
      out.write(',');
      out.write(body, 1, body.length - 1);
    } else {
      out.write('}');
    }
  }

  /** Length of {@link #writeWithTypeMeta}'s output. */
  int lengthWithTypeMeta() {
    return TypeMeta.prefix(kind).length + (body.length > 2 ? body.length : 1);
  }

  /** Cached {@code {"kind":"Pod","apiVersion":"v1"} prefixes (without the closing brace). */
  private static final class TypeMeta {
    private static final byte[][] PREFIXES = new byte[ResourceKind.values().length][];

    static {
      for (ResourceKind k : ResourceKind.values()) {
        PREFIXES[k.ordinal()] = ("{\"kind\":\"" + k.kind() + "\",\"apiVersion\":\"" + k.apiVersion() + "\"")
            .getBytes(StandardCharsets.UTF_8);
      }
    }

    static byte[] prefix(ResourceKind kind) {
      return PREFIXES[kind.ordinal()];
    }
  }
}
