package dev.ff.server.http;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which browser origins may call the server from scripts (CORS). The default allows none: a browser
 * page from another origin can send simple requests but never read the answer, and preflighted
 * requests (JSON bodies, {@code Authorization}) are refused. Only exact origins are allowed
 * (scheme, host and port, as the browser sends them in {@code Origin}); there are no wildcards,
 * because the admin UI is the one page that needs it.
 *
 * @param allowedOrigins exact origins such as {@code https://admin.example.com}
 * @param maxAgeSeconds how long a browser may cache a preflight answer
 */
public record CorsPolicy(Set<String> allowedOrigins, int maxAgeSeconds) {

  /** Request headers a cross-origin script may send. */
  static final String ALLOWED_HEADERS =
      "Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key, Last-Event-ID,"
          + " X-Correlation-Id";

  /** Response headers a cross-origin script may read. */
  static final String EXPOSED_HEADERS =
      "ETag, Location, X-Correlation-Id, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset,"
          + " Retry-After";

  /** Checks and normalises the origins. */
  public CorsPolicy {
    Objects.requireNonNull(allowedOrigins, "allowedOrigins");
    allowedOrigins = allowedOrigins.stream().map(CorsPolicy::normalise).collect(Collectors.toSet());
    if (maxAgeSeconds < 0) {
      throw new IllegalArgumentException("maxAgeSeconds must not be negative");
    }
  }

  /**
   * No cross-origin access.
   *
   * @return the policy
   */
  public static CorsPolicy none() {
    return new CorsPolicy(Set.of(), 600);
  }

  /**
   * Parses a comma-separated origin list ({@code FF_CORS_ORIGINS}).
   *
   * @param list e.g. {@code https://admin.example.com,http://localhost:5173}
   * @return the policy
   * @throws IllegalArgumentException on an entry that is not {@code scheme://host[:port]}
   */
  public static CorsPolicy parse(String list) {
    List<String> origins =
        List.of(list.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    return new CorsPolicy(Set.copyOf(origins), 600);
  }

  /**
   * The origin to echo in {@code Access-Control-Allow-Origin}, when this one is allowed.
   *
   * @param origin the request's {@code Origin} header
   * @return the origin, empty when it is not allowed
   */
  public Optional<String> allow(String origin) {
    if (origin == null || allowedOrigins.isEmpty()) {
      return Optional.empty();
    }
    String normalised = origin.trim().toLowerCase(Locale.ROOT);
    return allowedOrigins.contains(normalised) ? Optional.of(origin.trim()) : Optional.empty();
  }

  private static String normalise(String origin) {
    String o = origin.trim().toLowerCase(Locale.ROOT);
    int scheme = o.indexOf("://");
    if ((!o.startsWith("http://") && !o.startsWith("https://"))
        || o.length() == scheme + 3
        || o.indexOf('/', scheme + 3) >= 0) {
      throw new IllegalArgumentException(
          "a CORS origin is scheme://host[:port] without a path, got '" + origin + "'");
    }
    return o;
  }
}
