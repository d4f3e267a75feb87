package dev.ff.control.api;

import dev.ff.control.domain.AlreadyExists;
import dev.ff.control.domain.DomainException;
import dev.ff.control.domain.Forbidden;
import dev.ff.control.domain.InvalidState;
import dev.ff.control.domain.NotFound;
import dev.ff.control.domain.ValidationFailed;
import dev.ff.control.domain.VersionConflict;
import dev.ff.server.http.FieldError;
import dev.ff.server.http.ProblemException;
import java.util.List;

/**
 * The one place that maps domain refusals to problem+json: {@link ValidationFailed} 422 with every
 * problem's JSON Pointer in {@code errors}, {@link NotFound} 404, {@link AlreadyExists} 409, {@link
 * VersionConflict} 412 (the current version in {@code detail}, {@code errors} and the {@code ETag}
 * header), {@link InvalidState} 409 and {@link Forbidden} 403. {@link ApiRouter} applies it around
 * every handler.
 */
public final class ApiErrors {

  private ApiErrors() {}

  /**
   * The problem of a domain refusal.
   *
   * @param error the refusal
   * @return the problem to send
   */
  public static ProblemException toProblem(DomainException error) {
    if (error instanceof ValidationFailed invalid) {
      return ProblemException.unprocessable(
          invalid.problems().stream().map(p -> new FieldError(p.path(), p.message())).toList());
    }
    if (error instanceof Forbidden) {
      return ProblemException.forbidden(error.getMessage());
    }
    if (error instanceof NotFound) {
      return ProblemException.notFound(error.getMessage());
    }
    if (error instanceof VersionConflict conflict) {
      String current = Long.toString(conflict.currentVersion());
      return new ProblemException(
              412,
              ProblemException.TYPE_BLANK,
              "Precondition Failed",
              error.getMessage(),
              List.of(new FieldError("", "current version is " + current)),
              java.util.Map.of())
          .withHeader("ETag", Http.etag(conflict.currentVersion()));
    }
    // AlreadyExists and InvalidState: the request conflicts with the current state.
    return ProblemException.conflict(error.getMessage());
  }
}
