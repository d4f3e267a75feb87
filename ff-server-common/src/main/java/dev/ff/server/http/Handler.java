package dev.ff.server.http;

/** Handles one routed request. Throw {@link ProblemException} for an error response. */
@FunctionalInterface
public interface Handler {

  /**
   * Handles the request.
   *
   * @param request the request
   * @return the response
   * @throws Exception anything unexpected; it becomes a generic {@code 500} problem and is logged
   */
  Response handle(Request request) throws Exception;
}
