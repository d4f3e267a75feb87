package dev.ff.server.http;

import java.util.Map;
import java.util.Objects;

/**
 * The abuse guards every server shares beyond its own per-principal limits: which browser origins
 * may call it ({@link CorsPolicy}) and the per-client-address limit checked before authentication
 * ({@code RateLimiter.PER_IP_CLASS}).
 *
 * @param cors the CORS policy ({@code FF_CORS_ORIGINS}, none by default)
 * @param perIpPerSecond sustained requests per second per client address ({@code
 *     FF_RATE_LIMIT_PER_IP_RPS})
 * @param perIpBurst burst per client address ({@code FF_RATE_LIMIT_PER_IP_BURST})
 */
public record HttpGuards(CorsPolicy cors, double perIpPerSecond, int perIpBurst) {

  /** Checks the values. */
  public HttpGuards {
    Objects.requireNonNull(cors, "cors");
    if (!(perIpPerSecond > 0) || perIpBurst < 1) {
      throw new IllegalArgumentException("the per-IP rate and burst must be positive");
    }
  }

  /**
   * No cross-origin access and the given per-address limit.
   *
   * @param perIpPerSecond sustained rate
   * @param perIpBurst burst
   * @return the guards
   */
  public static HttpGuards of(double perIpPerSecond, int perIpBurst) {
    return new HttpGuards(CorsPolicy.none(), perIpPerSecond, perIpBurst);
  }

  /**
   * Reads {@code FF_CORS_ORIGINS}, {@code FF_RATE_LIMIT_PER_IP_RPS} and {@code
   * FF_RATE_LIMIT_PER_IP_BURST} over the defaults.
   *
   * @param env the environment variables
   * @param defaults the values without variables
   * @return the guards
   * @throws IllegalArgumentException on a malformed value, naming the variable
   */
  public static HttpGuards fromEnvironment(Map<String, String> env, HttpGuards defaults) {
    CorsPolicy cors =
        env.containsKey("FF_CORS_ORIGINS")
            ? CorsPolicy.parse(env.get("FF_CORS_ORIGINS"))
            : defaults.cors();
    double rate = defaults.perIpPerSecond();
    int burst = defaults.perIpBurst();
    try {
      if (env.containsKey("FF_RATE_LIMIT_PER_IP_RPS")) {
        rate = Double.parseDouble(env.get("FF_RATE_LIMIT_PER_IP_RPS").trim());
      }
      if (env.containsKey("FF_RATE_LIMIT_PER_IP_BURST")) {
        burst = Integer.parseInt(env.get("FF_RATE_LIMIT_PER_IP_BURST").trim());
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("FF_RATE_LIMIT_PER_IP_* must be numbers", e);
    }
    return new HttpGuards(cors, rate, burst);
  }
}
