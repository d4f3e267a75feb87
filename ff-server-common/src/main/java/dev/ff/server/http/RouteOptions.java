package dev.ff.server.http;

import java.util.Objects;
import java.util.Optional;

/**
 * How the server treats a route. Start from {@link #defaults()} (authenticated, runs on the
 * blocking executor, no rate limit, not admin-only) and chain the copies, for example {@code
 * RouteOptions.defaults().publicRoute().inline()}.
 *
 * @param isPublic no principal required (the authenticator still runs)
 * @param isInline runs on the event loop: only for trivially cheap, never-blocking handlers
 * @param rateLimit the rate-limit class, if the route is rate limited
 * @param isAdminOnly flagged for the {@link Authorizer} as an administrative route
 */
public record RouteOptions(
    boolean isPublic, boolean isInline, Optional<String> rateLimit, boolean isAdminOnly) {

  /** Validates the fields. */
  public RouteOptions {
    Objects.requireNonNull(rateLimit, "rateLimit");
  }

  /**
   * Authenticated, blocking executor, no rate limit, not admin-only.
   *
   * @return the defaults
   */
  public static RouteOptions defaults() {
    return new RouteOptions(false, false, Optional.empty(), false);
  }

  /**
   * Copy that needs no principal.
   *
   * @return the copy
   */
  public RouteOptions publicRoute() {
    return new RouteOptions(true, isInline, rateLimit, isAdminOnly);
  }

  /**
   * Copy that runs on the event loop.
   *
   * @return the copy
   */
  public RouteOptions inline() {
    return new RouteOptions(isPublic, true, rateLimit, isAdminOnly);
  }

  /**
   * Copy limited by the given rate-limit class.
   *
   * @param name the class, configured on the server's rate limiter
   * @return the copy
   */
  public RouteOptions rateLimitClass(String name) {
    return new RouteOptions(isPublic, isInline, Optional.of(name), isAdminOnly);
  }

  /**
   * Copy flagged admin-only.
   *
   * @return the copy
   */
  public RouteOptions adminOnly() {
    return new RouteOptions(isPublic, isInline, rateLimit, true);
  }
}
