package dev.ff.server.http;

import java.util.Optional;

/**
 * Establishes who sent a request. Called for every request, before authorization, rate limiting and
 * the handler, on the thread that runs the route (the event loop for inline routes, so keep it
 * cheap or cache).
 */
@FunctionalInterface
public interface Authenticator {

  /** Finds nobody: every protected route answers {@code 401}. */
  Authenticator NOBODY = request -> Optional.empty();

  /**
   * Authenticates a request.
   *
   * @param request the request
   * @return the principal, or empty when the request carries no credentials
   * @throws ProblemException {@code 401} when credentials are present but invalid
   */
  Optional<Principal> authenticate(Request request);
}
