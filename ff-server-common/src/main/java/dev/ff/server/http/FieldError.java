package dev.ff.server.http;

import java.util.Objects;

/**
 * One entry of a problem's {@code errors} array.
 *
 * @param path JSON Pointer into the request document ({@code ""} for the whole document)
 * @param message what is wrong there
 */
public record FieldError(String path, String message) {

  /** Validates the fields. */
  public FieldError {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }
}
