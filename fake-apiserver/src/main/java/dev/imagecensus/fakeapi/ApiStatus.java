package dev.imagecensus.fakeapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A failure answered as a Kubernetes {@code Status} object, the body a real API server sends with
 * 4xx/5xx responses and inside watch ERROR events. Only fields the official client's
 * {@code V1Status} model knows are written: it rejects unknown ones.
 */
final class ApiStatus extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int code;
  private final String reason;
  private final String detailsName;
  private final String detailsKind;

  ApiStatus(int code, String reason, String message) {
    this(code, reason, message, null, null);
  }

  ApiStatus(int code, String reason, String message, String detailsName, String detailsKind) {
    super(message, null, false, false);
    this.code = code;
    this.reason = reason;
    this.detailsName = detailsName;
    this.detailsKind = detailsKind;
  }

  static ApiStatus badRequest(String message) {
    return new ApiStatus(400, "BadRequest", message);
  }

  static ApiStatus notFound() {
    return new ApiStatus(404, "NotFound", "the server could not find the requested resource");
  }

  static ApiStatus notFound(ResourceKind kind, String name) {
    return new ApiStatus(404, "NotFound", kind.plural() + " \"" + name + "\" not found", name, kind.plural());
  }

  /** 410 Gone with reason Expired: the resourceVersion or continue token is older than the history. */
  static ApiStatus expired(String message) {
    return new ApiStatus(410, "Expired", message);
  }

  int code() {
    return code;
  }

  ObjectNode toJson() {
    ObjectNode s = ObjectCodec.MAPPER.createObjectNode();
    s.put("kind", "Status");
    s.put("apiVersion", "v1");
    s.putObject("metadata");
    s.put("status", "Failure");
    s.put("message", getMessage());
    s.put("reason", reason);
    ObjectNode details = s.putObject("details");
    if (detailsName != null) {
      details.put("name", detailsName);
      details.put("kind", detailsKind);
    }
    s.put("code", code);
    return s;
  }

  byte[] toBytes() {
    return ObjectCodec.serialize(toJson());
  }
}
