package dev.ff.control.api;

import dev.ff.server.http.ProblemException;

/**
 * Reads the credential of an {@code Authorization: Bearer <credential>} header: the scheme is
 * case-insensitive, spaces and tabs around it are ignored, and the credential is 1 to {@value
 * #MAX_LENGTH} visible ASCII characters (no spaces, no control characters). Anything else is a 401
 * problem, never another error.
 */
public final class BearerCredentials {

  /** The longest credential read (JWTs of identity providers stay far below). */
  public static final int MAX_LENGTH = 8192;

  private static final String SCHEME = "bearer";

  private BearerCredentials() {}

  /**
   * The credential of a header value.
   *
   * @param header the value of {@code Authorization}
   * @return the credential
   * @throws ProblemException 401 when the value is not a well-formed bearer credential
   */
  public static String parse(String header) {
    int start = 0;
    int end = header.length();
    while (start < end && blank(header.charAt(start))) {
      start++;
    }
    while (end > start && blank(header.charAt(end - 1))) {
      end--;
    }
    int scheme = start + SCHEME.length();
    if (end <= scheme
        || !header.regionMatches(true, start, SCHEME, 0, SCHEME.length())
        || !blank(header.charAt(scheme))) {
      throw malformed();
    }
    int from = scheme;
    while (from < end && blank(header.charAt(from))) {
      from++;
    }
    if (end - from > MAX_LENGTH) {
      throw ProblemException.unauthorized("The bearer credential is too long");
    }
    for (int i = from; i < end; i++) {
      char c = header.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw malformed();
      }
    }
    return header.substring(from, end);
  }

  private static boolean blank(char c) {
    return c == ' ' || c == '\t';
  }

  private static ProblemException malformed() {
    return ProblemException.unauthorized("Expected 'Authorization: Bearer <token>'");
  }
}
