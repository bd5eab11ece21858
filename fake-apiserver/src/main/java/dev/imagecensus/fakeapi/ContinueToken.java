package dev.imagecensus.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Base64;

/**
 * A list continue token, shaped like the API server's: unpadded base64url of
 * {@code {"v":"meta.k8s.io/v1","rv":<snapshot revision>,"start":"<next key>"}}. The revision
 * names the snapshot the remaining pages are read from; the key is where the next page starts.
 *
 * @param resourceVersion the snapshot's resourceVersion
 * @param start the first key of the next page ({@code lastKey + "\0"})
 */
record ContinueToken(long resourceVersion, String start) {

  private static final String VERSION = "meta.k8s.io/v1";

  /** The token resuming after {@code lastKey}. */
  static ContinueToken after(long resourceVersion, String lastKey) {
    return new ContinueToken(resourceVersion, lastKey + "\u0000");
  }

  String encode() {
    ObjectNode json = ObjectCodec.MAPPER.createObjectNode();
    json.put("v", VERSION);
    json.put("rv", resourceVersion);
    json.put("start", start);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(ObjectCodec.serialize(json));
  }

  /** Decodes a token; anything malformed is a 400, as on a real API server. */
  static ContinueToken decode(String token) {
    try {
      JsonNode json = ObjectCodec.MAPPER.readTree(Base64.getUrlDecoder().decode(token));
      if (json == null || !VERSION.equals(json.path("v").asText()) || !json.path("rv").canConvertToLong()
          || !json.path("start").isTextual() || json.path("rv").asLong() <= 0) {
        throw invalid("not a continue token");
      }
      return new ContinueToken(json.path("rv").asLong(), json.path("start").asText());
    } catch (IllegalArgumentException | IOException e) {
      throw invalid(e.getMessage());
    }
  }

  private static ApiStatus invalid(String why) {
    return ApiStatus.badRequest("continue key is not valid: " + why);
  }
}
