package dev.ff.server.ratelimit;

/**
 * The limit of one rate-limit class: a token bucket refilled at {@code requestsPerSecond} holding
 * at most {@code burst} tokens.
 *
 * @param requestsPerSecond sustained rate
 * @param burst bucket size (requests allowed at once after a quiet period)
 */
public record RateLimit(double requestsPerSecond, int burst) {

  /** Validates the fields. */
  public RateLimit {
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException("requestsPerSecond must be positive");
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1");
    }
  }
}
