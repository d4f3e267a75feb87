package dev.ff.server.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Token buckets per (rate-limit class, key). The key is the principal id of authenticated requests
 * and the client IP otherwise (the server chooses). Memory is bounded: buckets live in a Caffeine
 * cache with a maximum size that expires buckets not touched for a while (an expired bucket is
 * simply full again).
 */
public final class RateLimiter {

  /**
   * The class that, when configured, limits every request of a rate-limited route per client
   * address before authentication, on top of the route's own class (which counts per principal): a
   * flood of requests with bad or missing credentials is refused before any token is looked up.
   */
  public static final String PER_IP_CLASS = "per-ip";

  private final Map<String, RateLimit> classes;
  private final Clock clock;
  private final Cache<String, Bucket> buckets;

  private RateLimiter(Builder builder) {
    this.classes = Map.copyOf(builder.classes);
    this.clock = builder.clock;
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(builder.maxKeys)
            .expireAfterAccess(builder.expireAfterIdle)
            .ticker(() -> Math.multiplyExact(clock.millis(), 1_000_000L))
            .build();
  }

  /**
   * A rate limiter without classes (every route naming a class fails at server build).
   *
   * @return the limiter
   */
  public static RateLimiter none() {
    return builder().build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The configured class names.
   *
   * @return the names
   */
  public Set<String> classNames() {
    return classes.keySet();
  }

  /**
   * Takes one token from the bucket of {@code key} in {@code rateClass}.
   *
   * @param rateClass a configured class
   * @param key principal id or client IP
   * @return the decision
   * @throws IllegalArgumentException for an unknown class
   */
  public RateLimitDecision tryAcquire(String rateClass, String key) {
    RateLimit limit = classes.get(rateClass);
    if (limit == null) {
      throw new IllegalArgumentException("unknown rate-limit class: " + rateClass);
    }
    long now = clock.millis();
    Bucket bucket = buckets.get(rateClass + '\u0000' + key, k -> new Bucket(limit.burst(), now));
    return bucket.take(limit, now);
  }

  private static final class Bucket {
    private double tokens;
    private long updatedMillis;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updatedMillis = now;
    }

    synchronized RateLimitDecision take(RateLimit limit, long now) {
      double rate = limit.requestsPerSecond();
      if (now > updatedMillis) {
        tokens = Math.min(limit.burst(), tokens + (now - updatedMillis) / 1000.0 * rate);
        updatedMillis = now;
      }
      boolean allowed = tokens >= 1.0;
      if (allowed) {
        tokens -= 1.0;
      }
      long reset = (long) Math.ceil((limit.burst() - tokens) / rate);
      long retryAfter = allowed ? 0 : Math.max(1, (long) Math.ceil((1.0 - tokens) / rate));
      return new RateLimitDecision(
          allowed, limit.burst(), (int) Math.floor(tokens), Math.max(0, reset), retryAfter);
    }
  }

  /** Configures a {@link RateLimiter}. */
  public static final class Builder {
    private final Map<String, RateLimit> classes = new LinkedHashMap<>();
    private Clock clock = Clock.systemUTC();
    private long maxKeys = 100_000;
    private Duration expireAfterIdle = Duration.ofMinutes(10);

    private Builder() {}

    /**
     * Configures a class.
     *
     * @param name class name used in {@code RouteOptions.rateLimitClass}
     * @param limit its limit
     * @return this builder
     */
    public Builder limit(String name, RateLimit limit) {
      classes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(limit, "limit"));
      return this;
    }

    /**
     * Configures a class.
     *
     * @param name class name
     * @param requestsPerSecond sustained rate
     * @param burst bucket size
     * @return this builder
     */
    public Builder limit(String name, double requestsPerSecond, int burst) {
      return limit(name, new RateLimit(requestsPerSecond, burst));
    }

    /**
     * The clock buckets refill by (and that expires idle buckets).
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Most buckets kept at once (default 100,000).
     *
     * @param value the bound
     * @return this builder
     */
    public Builder maxKeys(long value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxKeys must be positive");
      }
      this.maxKeys = value;
      return this;
    }

    /**
     * How long an untouched bucket is kept (default 10 minutes); should exceed the time a bucket
     * takes to refill.
     *
     * @param value the duration
     * @return this builder
     */
    public Builder expireAfterIdle(Duration value) {
      this.expireAfterIdle = Objects.requireNonNull(value, "expireAfterIdle");
      return this;
    }

    /**
     * Builds the limiter.
     *
     * @return the limiter
     */
    public RateLimiter build() {
      return new RateLimiter(this);
    }
  }
}
