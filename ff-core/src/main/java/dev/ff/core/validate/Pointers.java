package dev.ff.core.validate;

/** RFC 6901 JSON Pointer construction. */
final class Pointers {
  private Pointers() {}

  /** The pointer to member {@code name} of the value at {@code parent}. */
  static String member(String parent, String name) {
    return parent + "/" + escape(name);
  }

  /** The pointer to element {@code index} of the array at {@code parent}. */
  static String element(String parent, int index) {
    return parent + "/" + index;
  }

  /** A reference token: {@code ~} becomes {@code ~0}, then {@code /} becomes {@code ~1}. */
  static String escape(String token) {
    if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
      return token;
    }
    return token.replace("~", "~0").replace("/", "~1");
  }
}
