package dev.ff.server.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Outcome of one {@link RateLimiter#tryAcquire(String, String)}.
 *
 * @param allowed whether the request may proceed
 * @param limit the bucket size ({@code RateLimit-Limit})
 * @param remaining whole tokens left after this request ({@code RateLimit-Remaining})
 * @param resetSeconds seconds until the bucket is full again ({@code RateLimit-Reset})
 * @param retryAfterSeconds when refused, seconds until one token is available ({@code
 *     Retry-After}); 0 when allowed
 */
public record RateLimitDecision(
    boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {

  /**
   * The {@code RateLimit-*} response headers (and {@code Retry-After} when refused).
   *
   * @return header name to value
   */
  public Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("RateLimit-Limit", Integer.toString(limit));
    headers.put("RateLimit-Remaining", Integer.toString(remaining));
    headers.put("RateLimit-Reset", Long.toString(resetSeconds));
    if (!allowed) {
      headers.put("Retry-After", Long.toString(retryAfterSeconds));
    }
    return headers;
  }
}
