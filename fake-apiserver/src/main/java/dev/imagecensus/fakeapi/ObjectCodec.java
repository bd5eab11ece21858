package dev.imagecensus.fakeapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/** JSON side of the store: validates and completes incoming objects, serialises them once. */
final class ObjectCodec {

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String ALPHANUM = "bcdfghjklmnpqrstvwxz2456789";

  private ObjectCodec() {}

  static ObjectNode parse(byte[] json) {
    try {
      return asObject(MAPPER.readTree(json));
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }

  static ObjectNode parse(String json) {
    try {
      return asObject(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  static ObjectNode asObject(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("a Kubernetes object must be a JSON object");
    }
    return (ObjectNode) node;
  }

  /**
   * Completes an incoming object in place the way the API server would (type meta checked and
   * dropped, name from generateName, namespace, uid, creationTimestamp, resourceVersion) and
   * serialises it. {@code previous} (may be null) supplies uid and creationTimestamp on update.
   */
  static StoredObject store(ResourceKind kind, ObjectNode obj, long resourceVersion,
      StoredObject previous, UnaryOperator<String> intern) {
    checkTypeMeta(kind, obj);
    ObjectNode meta = obj.has("metadata") ? asObject(obj.get("metadata")) : obj.putObject("metadata");
    String name = text(meta, "name");
    if (name.isEmpty()) {
      String generateName = text(meta, "generateName");
      if (generateName.isEmpty()) {
        throw new IllegalArgumentException(kind.kind() + " needs metadata.name or metadata.generateName");
      }
      name = generateName + randomSuffix();
      meta.put("name", name);
    }
    String namespace = "";
    if (kind.namespaced()) {
      namespace = text(meta, "namespace");
      if (namespace.isEmpty()) {
        namespace = "default";
        meta.put("namespace", namespace);
      }
    } else {
      meta.remove("namespace");
    }
    if (text(meta, "uid").isEmpty()) {
      meta.put("uid", previous != null ? previous.uid() : randomUid());
    }
    if (text(meta, "creationTimestamp").isEmpty()) {
      meta.put("creationTimestamp", previous != null ? previous.creationTimestamp() : now());
    }
    meta.put("resourceVersion", Long.toString(resourceVersion));
    if (kind == ResourceKind.NAMESPACE) {
      completeNamespace(obj, meta, name);
    }
    return new StoredObject(kind, intern.apply(namespace), name, text(meta, "uid"),
        text(meta, "creationTimestamp"), resourceVersion, serialize(obj), labels(meta, intern));
  }

  /** The same object with a new resourceVersion (a DELETED event carries the deletion's). */
  static StoredObject withResourceVersion(StoredObject o, long resourceVersion) {
    ObjectNode obj = parse(o.body());
    asObject(obj.get("metadata")).put("resourceVersion", Long.toString(resourceVersion));
    return new StoredObject(o.kind(), o.namespace(), o.name(), o.uid(), o.creationTimestamp(),
        resourceVersion, serialize(obj), o.labels());
  }

  /** The object as a Java caller sees it: a fresh tree with kind and apiVersion. */
  static ObjectNode toTree(StoredObject o) {
    ObjectNode tree = MAPPER.createObjectNode();
    tree.put("kind", o.kind().kind());
    tree.put("apiVersion", o.kind().apiVersion());
    tree.setAll(parse(o.body()));
    return tree;
  }

  /** A field-selector value: text at the JSON pointer, {@code ""} when absent (as the API server does). */
  static String fieldValue(StoredObject o, String pointer) {
    JsonNode node = parse(o.body()).at(pointer);
    return node.isMissingNode() || node.isNull() ? "" : node.asText();
  }

  static byte[] serialize(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void checkTypeMeta(ResourceKind kind, ObjectNode obj) {
    String k = text(obj, "kind");
    String v = text(obj, "apiVersion");
    if (!k.isEmpty() && !k.equals(kind.kind()) || !v.isEmpty() && !v.equals(kind.apiVersion())) {
      throw new IllegalArgumentException(
          "expected " + kind.apiVersion() + " " + kind.kind() + ", got " + v + " " + k);
    }
    // List items carry no type meta; watch events and GETs add it back when writing.
    obj.remove("kind");
    obj.remove("apiVersion");
  }

  private static void completeNamespace(ObjectNode obj, ObjectNode meta, String name) {
    // Since Kubernetes 1.21 every namespace carries this label; namespace selectors rely on it.
    ObjectNode labels = meta.has("labels") ? asObject(meta.get("labels")) : meta.putObject("labels");
    labels.put("kubernetes.io/metadata.name", name);
    ObjectNode status = obj.has("status") ? asObject(obj.get("status")) : obj.putObject("status");
    if (text(status, "phase").isEmpty()) {
      status.put("phase", "Active");
    }
  }

  private static String[] labels(ObjectNode meta, UnaryOperator<String> intern) {
    JsonNode labels = meta.get("labels");
    if (labels == null || !labels.isObject() || labels.isEmpty()) {
      return new String[0];
    }
    List<String> flat = new ArrayList<>(labels.size() * 2);
    for (Map.Entry<String, JsonNode> e : labels.properties()) {
      flat.add(intern.apply(e.getKey()));
      flat.add(intern.apply(e.getValue().asText()));
    }
    return flat.toArray(new String[0]);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static String randomUid() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long msb = (r.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long lsb = (r.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
    return new UUID(msb, lsb).toString();
  }

  private static String randomSuffix() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    StringBuilder s = new StringBuilder(5);
    for (int i = 0; i < 5; i++) {
      s.append(ALPHANUM.charAt(r.nextInt(ALPHANUM.length())));
    }
    return s.toString();
  }
}
