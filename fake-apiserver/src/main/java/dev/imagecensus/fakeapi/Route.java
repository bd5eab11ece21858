package dev.imagecensus.fakeapi;

import java.util.Optional;

/**
 * A resource path taken apart: {@code /api/v1/pods}, {@code /api/v1/namespaces/{ns}/pods},
 * {@code /api/v1/namespaces/{ns}/pods/{name}}, {@code /apis/apps/v1/...}, and for cluster-scoped
 * kinds {@code /api/v1/namespaces} and {@code /api/v1/namespaces/{name}}.
 *
 * @param kind the resource kind
 * @param namespace the namespace in the path, or null
 * @param name the object name for a single-object GET, or null for a collection
 */
record Route(ResourceKind kind, String namespace, String name) {

  static Optional<Route> parse(String path) {
    String[] seg = path.replaceAll("^/+|/+$", "").split("/");
    int rest;
    String groupVersion;
    if (seg.length >= 3 && seg[0].equals("api")) {
      groupVersion = "/api/" + seg[1];
      rest = 2;
    } else if (seg.length >= 4 && seg[0].equals("apis")) {
      groupVersion = "/apis/" + seg[1] + "/" + seg[2];
      rest = 3;
    } else {
      return Optional.empty();
    }
    int n = seg.length - rest;
    if (n >= 3 && n <= 4 && seg[rest].equals("namespaces")) {
      return ResourceKind.byPath(groupVersion, seg[rest + 2])
          .filter(ResourceKind::namespaced)
          .map(k -> new Route(k, seg[rest + 1], n == 4 ? seg[rest + 3] : null));
    }
    if (n == 1 || n == 2) {
      // All namespaces for a namespaced kind; the kind itself when cluster-scoped.
      return ResourceKind.byPath(groupVersion, seg[rest])
          .filter(k -> n == 1 || !k.namespaced())
          .map(k -> new Route(k, null, n == 2 ? seg[rest + 1] : null));
    }
    return Optional.empty();
  }
}
