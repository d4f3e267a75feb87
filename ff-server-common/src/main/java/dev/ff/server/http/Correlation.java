package dev.ff.server.http;

import java.util.UUID;
import java.util.regex.Pattern;

/** Correlation-id rules: echo a sane client token, otherwise generate a UUID. */
final class Correlation {

  static final String HEADER = "X-Correlation-Id";

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private Correlation() {}

  static String saneOrNull(String candidate) {
    return candidate != null && SANE.matcher(candidate).matches() ? candidate : null;
  }

  static String resolve(String candidate) {
    String sane = saneOrNull(candidate);
    return sane != null ? sane : UUID.randomUUID().toString();
  }
}
