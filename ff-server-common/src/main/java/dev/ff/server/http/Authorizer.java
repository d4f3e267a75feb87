package dev.ff.server.http;

/**
 * The single authorization point: decides whether an authenticated principal may call a non-public
 * route. Routes flagged {@link RouteOptions#isAdminOnly()} are decided here too.
 */
@FunctionalInterface
public interface Authorizer {

  /** Allows everything. */
  Authorizer ALLOW_ALL = (principal, request, route) -> {};

  /**
   * Authorizes a request.
   *
   * @param principal who sent it
   * @param request the request
   * @param route the matched route
   * @throws ProblemException {@code 403} when not allowed
   */
  void authorize(Principal principal, Request request, Route route);
}
