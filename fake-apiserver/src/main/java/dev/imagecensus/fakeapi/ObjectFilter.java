package dev.imagecensus.fakeapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a list or watch request selects: an optional namespace (from the path), a label selector
 * and a field selector ({@code metadata.name}, {@code metadata.namespace} and the kind's fields,
 * with {@code =}, {@code ==}, {@code !=}; other fields are a 400 as on a real API server).
 */
final class ObjectFilter {

  private record FieldTerm(String field, boolean equal, String value) {}

  private final ResourceKind kind;
  private final String namespace;
  private final LabelSelector labels;
  private final List<FieldTerm> fields;

  private ObjectFilter(ResourceKind kind, String namespace, LabelSelector labels, List<FieldTerm> fields) {
    this.kind = kind;
    this.namespace = namespace;
    this.labels = labels;
    this.fields = fields;
  }

  /** @param namespace the path's namespace, or null for all namespaces / cluster-scoped kinds */
  static ObjectFilter of(ResourceKind kind, String namespace, String labelSelector, String fieldSelector) {
    return new ObjectFilter(kind, namespace, LabelSelector.parse(labelSelector), parseFields(kind, fieldSelector));
  }

  String namespace() {
    return namespace;
  }

  /** Whether a label or field selector narrows the result (then lists give no remainingItemCount). */
  boolean hasSelectors() {
    return !labels.isEverything() || !fields.isEmpty();
  }

  boolean matches(StoredObject o) {
    if (namespace != null && !namespace.equals(o.namespace())) {
      return false;
    }
    if (!labels.matches(o::label)) {
      return false;
    }
    for (FieldTerm t : fields) {
      if (fieldValue(o, t.field()).equals(t.value()) != t.equal()) {
        return false;
      }
    }
    return true;
  }

  private String fieldValue(StoredObject o, String field) {
    switch (field) {
      case "metadata.name":
        return o.name();
      case "metadata.namespace":
        return o.namespace();
      default:
        // Rarely used: parse the object rather than keep every selectable field in memory.
        return ObjectCodec.fieldValue(o, kind.selectableFields().get(field));
    }
  }

  private static List<FieldTerm> parseFields(ResourceKind kind, String selector) {
    List<FieldTerm> terms = new ArrayList<>();
    Map<String, String> extra = kind.selectableFields();
    for (String part : selector.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int ne = p.indexOf("!=");
      int eq = p.indexOf('=');
      if (eq < 0) {
        throw ApiStatus.badRequest("invalid selector: '" + selector + "'; can't understand '" + p + "'");
      }
      boolean equal = ne < 0;
      String field = p.substring(0, equal ? eq : ne).trim();
      int valueStart = !equal ? ne + 2 : p.startsWith("==", eq) ? eq + 2 : eq + 1;
      String value = p.substring(valueStart).trim();
      if (!field.equals("metadata.name") && !field.equals("metadata.namespace") && !extra.containsKey(field)) {
        throw ApiStatus.badRequest("field label not supported: " + field);
      }
      terms.add(new FieldTerm(field, equal, value));
    }
    return List.copyOf(terms);
  }
}
