package dev.imagecensus.fakeapi;

import java.util.Map;
import java.util.Optional;

/**
 * The resource types the fake API server serves, with the facts the HTTP API needs about each:
 * group/version, plural, list kind, scope and the field selectors a real API server supports.
 */
public enum ResourceKind {
  POD("", "v1", "pods", "Pod", true,
      Map.of(
          "spec.nodeName", "/spec/nodeName",
          "spec.restartPolicy", "/spec/restartPolicy",
          "spec.schedulerName", "/spec/schedulerName",
          "spec.serviceAccountName", "/spec/serviceAccountName",
          "status.phase", "/status/phase",
          "status.podIP", "/status/podIP",
          "status.nominatedNodeName", "/status/nominatedNodeName")),
  REPLICA_SET("apps", "v1", "replicasets", "ReplicaSet", true,
      Map.of("status.replicas", "/status/replicas")),
  JOB("batch", "v1", "jobs", "Job", true,
      Map.of("status.successful", "/status/successful")),
  NAMESPACE("", "v1", "namespaces", "Namespace", false,
      Map.of("status.phase", "/status/phase"));

  private final String group;
  private final String version;
  private final String plural;
  private final String kind;
  private final boolean namespaced;
  /** Extra field-selector fields (beyond metadata.name/namespace) → JSON pointer into the object. */
  private final Map<String, String> selectableFields;

  ResourceKind(String group, String version, String plural, String kind, boolean namespaced,
      Map<String, String> selectableFields) {
    this.group = group;
    this.version = version;
    this.plural = plural;
    this.kind = kind;
    this.namespaced = namespaced;
    this.selectableFields = selectableFields;
  }

  /** {@code v1}, {@code apps/v1}, {@code batch/v1}. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  public String group() {
    return group;
  }

  public String plural() {
    return plural;
  }

  /** {@code Pod}, {@code ReplicaSet}, ... */
  public String kind() {
    return kind;
  }

  /** {@code PodList}, {@code ReplicaSetList}, ... */
  public String listKind() {
    return kind + "List";
  }

  public boolean namespaced() {
    return namespaced;
  }

  /** The URL prefix of this group/version: {@code /api/v1} or {@code /apis/apps/v1}. */
  public String groupVersionPath() {
    return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
  }

  /** Field selector fields beyond {@code metadata.name} and {@code metadata.namespace}. */
  Map<String, String> selectableFields() {
    return selectableFields;
  }

  /** Finds the kind served under a group/version path prefix and plural, if any. */
  static Optional<ResourceKind> byPath(String groupVersionPath, String plural) {
    for (ResourceKind k : values()) {
      if (k.groupVersionPath().equals(groupVersionPath) && k.plural.equals(plural)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
