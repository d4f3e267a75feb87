package dev.ff.core.validate;

import java.util.Objects;

/**
 * One validation problem.
 *
 * @param path RFC 6901 JSON Pointer into the validated input: the offending value, or where a
 *     missing member should be ({@code ""} is the whole input)
 * @param message a short, specific description
 */
public record Diagnostic(String path, String message) {

  /** Both members are required. */
  public Diagnostic {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }
}
