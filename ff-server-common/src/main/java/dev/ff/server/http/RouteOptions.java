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
 * @param accessLogEvery successful responses (status below 400) are written to the access log with
 *     probability {@code 1/accessLogEvery}; errors are always logged. {@code 1} logs every request.
 */
public record RouteOptions(
    boolean isPublic,
    boolean isInline,
    Optional<String> rateLimit,
    boolean isAdminOnly,
    int accessLogEvery) {

  /** Validates the fields. */
  public RouteOptions {
    Objects.requireNonNull(rateLimit, "rateLimit");
    if (accessLogEvery < 1) {
      throw new IllegalArgumentException("accessLogEvery must be at least 1: " + accessLogEvery);
    }
  }

  /**
   * Authenticated, blocking executor, no rate limit, not admin-only.
   *
   * @return the defaults
   */
  public static RouteOptions defaults() {
    return new RouteOptions(false, false, Optional.empty(), false, 1);
  }

  /**
   * Copy that needs no principal.
   *
   * @return the copy
   */
  public RouteOptions publicRoute() {
    return new RouteOptions(true, isInline, rateLimit, isAdminOnly, accessLogEvery);
  }

  /**
   * Copy that runs on the event loop.
   *
   * @return the copy
   */
  public RouteOptions inline() {
    return new RouteOptions(isPublic, true, rateLimit, isAdminOnly, accessLogEvery);
  }

  /**
   * Copy limited by the given rate-limit class.
   *
   * @param name the class, configured on the server's rate limiter
   * @return the copy
   */
  public RouteOptions rateLimitClass(String name) {
    return new RouteOptions(isPublic, isInline, Optional.of(name), isAdminOnly, accessLogEvery);
  }

  /**
   * Copy flagged admin-only.
   *
   * @return the copy
   */
  public RouteOptions adminOnly() {
    return new RouteOptions(isPublic, isInline, rateLimit, true, accessLogEvery);
  }

  /**
   * Copy whose successful requests are sampled in the access log (for hot routes such as
   * evaluation, where a line per request would cost more than the request). Errors (status 400 and
   * above) are always logged; request metrics and traces are not sampled.
   *
   * @param every log one in {@code every} successful requests on average (at least 1)
   * @return the copy
   */
  public RouteOptions sampleAccessLog(int every) {
    return new RouteOptions(isPublic, isInline, rateLimit, isAdminOnly, every);
  }
}
