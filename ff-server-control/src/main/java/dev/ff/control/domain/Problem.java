package dev.ff.control.domain;

import java.util.Objects;

/**
 * One input problem.
 *
 * @param path RFC 6901 JSON Pointer relative to the submitted body ({@code ""} is the whole body);
 *     for query parameters the pointer is {@code /<parameter>}
 * @param message a short, specific description
 */
public record Problem(String path, String message) {
  /** Both members are required. */
  public Problem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }
}
