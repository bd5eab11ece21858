package dev.imagecensus.fakeapi;

/** Parsing of the resourceVersion query parameter. */
final class ResourceVersions {

  private ResourceVersions() {}

  /** A positive revision; anything else is a 400, as on a real API server. */
  static long parse(String rv) {
    try {
      long n = Long.parseLong(rv);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to the 400 below
    }
    throw ApiStatus.badRequest("resourceVersion: Invalid value: \"" + rv + "\": must be a positive integer");
  }
}
