package dev.ff.edge;

import dev.ff.core.document.KeyRing;
import dev.ff.core.document.SigningKey;
import dev.ff.server.http.HttpGuards;
import dev.ff.server.tls.ClientTlsSettings;
import dev.ff.server.tls.TlsSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of an edge evaluator.
 *
 * @param host listening address
 * @param port listening port (0 picks a free one)
 * @param controlUrl base URL of the control plane, e.g. {@code http://127.0.0.1:8080}
 * @param environments served environments: environment key to that environment's SDK token, in
 *     order
 * @param signingKeys the keys documents may be signed with, {@code kid:secret,kid:secret}
 * @param redisUrl Redis URL of the L2 document store ({@code redis://host:port}), or null for none
 * @param maxCompiledEnvironments how many environments stay compiled in memory at once (at least 1)
 * @param minBackoff first reconnect delay after the config stream drops
 * @param maxBackoff largest reconnect delay
 * @param pollInterval how often the document is fetched (with {@code If-None-Match}) while the
 *     stream is down
 * @param streamIdleTimeout a stream silent for this long (no event, no heartbeat) is reconnected
 * @param heartbeatInterval heartbeat of the edge's own SSE streams
 * @param rateLimitPerSecond sustained requests per second per SDK token (per client address for
 *     requests without a token) on the edge's routes
 * @param rateLimitBurst burst size of that limit
 * @param tls HTTPS and mutual TLS of the edge's own listener (the {@code FF_TLS_*} variables, as
 *     the control plane's); default: plain HTTP
 * @param controlTls the client side towards the control plane: the CA to trust ({@code
 *     FF_CONTROL_CA}) and the client certificate to present ({@code FF_CONTROL_CLIENT_CERT}, {@code
 *     FF_CONTROL_CLIENT_KEY}); default: the JDK's trust store, no client certificate
 * @param guards CORS origins and the per-client-address limit ({@code FF_CORS_ORIGINS}, {@code
 *     FF_RATE_LIMIT_PER_IP_RPS}, {@code FF_RATE_LIMIT_PER_IP_BURST}; defaults as high as the
 *     per-token limit)
 */
public record EdgeConfig(
    String host,
    int port,
    URI controlUrl,
    Map<String, String> environments,
    String signingKeys,
    String redisUrl,
    int maxCompiledEnvironments,
    Duration minBackoff,
    Duration maxBackoff,
    Duration pollInterval,
    Duration streamIdleTimeout,
    Duration heartbeatInterval,
    double rateLimitPerSecond,
    int rateLimitBurst,
    TlsSettings tls,
    ClientTlsSettings controlTls,
    HttpGuards guards) {

  /** Default sustained rate per SDK token: high, a guard against runaway clients, not a quota. */
  public static final double DEFAULT_RATE_LIMIT_PER_SECOND = 100_000;

  /** Default burst per SDK token. */
  public static final int DEFAULT_RATE_LIMIT_BURST = 200_000;

  /** Checks the settings and freezes the environment map. */
  public EdgeConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(guards, "guards");
    Objects.requireNonNull(controlUrl, "controlUrl");
    Objects.requireNonNull(signingKeys, "signingKeys");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(controlTls, "controlTls");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (maxCompiledEnvironments < 1) {
      throw new IllegalArgumentException("maxCompiledEnvironments must be at least 1");
    }
    for (Map.Entry<String, String> e : environments.entrySet()) {
      if (e.getKey().isBlank() || e.getValue().isBlank()) {
        throw new IllegalArgumentException("blank environment key or token");
      }
    }
    environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
    if (redisUrl != null && redisUrl.isBlank()) {
      redisUrl = null;
    }
    requirePositive(minBackoff, "minBackoff");
    requirePositive(maxBackoff, "maxBackoff");
    requirePositive(pollInterval, "pollInterval");
    requirePositive(streamIdleTimeout, "streamIdleTimeout");
    requirePositive(heartbeatInterval, "heartbeatInterval");
    if (!(rateLimitPerSecond > 0) || rateLimitBurst < 1) {
      throw new IllegalArgumentException("rate limit and burst must be positive");
    }
  }

  /**
   * Defaults: {@code 127.0.0.1:8090}, control plane at {@code http://127.0.0.1:8080}, no
   * environments, no keys, no Redis, 1000 compiled environments, backoff 250 ms..30 s, polling
   * every 5 s, streams idle for 45 s reconnected, 15 s heartbeats.
   *
   * @return the defaults
   */
  public static EdgeConfig defaults() {
    return new EdgeConfig(
        "127.0.0.1",
        8090,
        URI.create("http://127.0.0.1:8080"),
        Map.of(),
        "",
        null,
        1000,
        Duration.ofMillis(250),
        Duration.ofSeconds(30),
        Duration.ofSeconds(5),
        Duration.ofSeconds(45),
        Duration.ofSeconds(15),
        DEFAULT_RATE_LIMIT_PER_SECOND,
        DEFAULT_RATE_LIMIT_BURST,
        TlsSettings.none(),
        ClientTlsSettings.defaults(),
        HttpGuards.of(DEFAULT_RATE_LIMIT_PER_SECOND, DEFAULT_RATE_LIMIT_BURST));
  }

  /**
   * Reads {@code FF_CONTROL_URL}, {@code FF_EDGE_ENVIRONMENTS} ({@code envKey=sdkToken,...}),
   * {@code FF_SIGNING_KEYS} ({@code kid:secret,...}), {@code FF_REDIS_URL}, {@code FF_HTTP_HOST},
   * {@code FF_HTTP_PORT}, {@code FF_EDGE_MAX_COMPILED}, {@code FF_EDGE_POLL_SECONDS}, {@code
   * FF_EDGE_RATE_LIMIT_RPS} and {@code FF_EDGE_RATE_LIMIT_BURST} over the defaults; TLS from the
   * {@code FF_TLS_*} variables ({@link TlsSettings#fromEnvironment}) and, towards the control
   * plane, {@code FF_CONTROL_CA}, {@code FF_CONTROL_CLIENT_CERT} and {@code FF_CONTROL_CLIENT_KEY}.
   *
   * @param env the environment variables
   * @return the settings
   * @throws IllegalArgumentException when a value is malformed, or TLS variables are incomplete or
   *     contradictory
   */
  public static EdgeConfig fromEnvironment(Map<String, String> env) {
    EdgeConfig c = defaults();
    if (env.containsKey("FF_CONTROL_URL")) {
      c = c.withControlUrl(env.get("FF_CONTROL_URL"));
    }
    if (env.containsKey("FF_EDGE_ENVIRONMENTS")) {
      c = c.withEnvironments(parseEnvironments(env.get("FF_EDGE_ENVIRONMENTS")));
    }
    if (env.containsKey("FF_SIGNING_KEYS")) {
      c = c.withSigningKeys(env.get("FF_SIGNING_KEYS"));
    }
    if (env.containsKey("FF_REDIS_URL")) {
      c = c.withRedisUrl(env.get("FF_REDIS_URL"));
    }
    if (env.containsKey("FF_HTTP_HOST")) {
      c = c.withHost(env.get("FF_HTTP_HOST"));
    }
    if (env.containsKey("FF_HTTP_PORT")) {
      c = c.withPort(integer(env, "FF_HTTP_PORT"));
    }
    if (env.containsKey("FF_EDGE_MAX_COMPILED")) {
      c = c.withMaxCompiledEnvironments(integer(env, "FF_EDGE_MAX_COMPILED"));
    }
    if (env.containsKey("FF_EDGE_POLL_SECONDS")) {
      c = c.withPollInterval(Duration.ofSeconds(integer(env, "FF_EDGE_POLL_SECONDS")));
    }
    if (env.containsKey("FF_EDGE_RATE_LIMIT_RPS") || env.containsKey("FF_EDGE_RATE_LIMIT_BURST")) {
      c =
          c.withRateLimit(
              env.containsKey("FF_EDGE_RATE_LIMIT_RPS")
                  ? integer(env, "FF_EDGE_RATE_LIMIT_RPS")
                  : c.rateLimitPerSecond(),
              env.containsKey("FF_EDGE_RATE_LIMIT_BURST")
                  ? integer(env, "FF_EDGE_RATE_LIMIT_BURST")
                  : c.rateLimitBurst());
    }
    c = c.withTls(TlsSettings.fromEnvironment(env));
    c = c.withControlTls(ClientTlsSettings.fromEnvironment(env, "FF_CONTROL"));
    c = c.withGuards(HttpGuards.fromEnvironment(env, c.guards()));
    return c;
  }

  /**
   * Parses {@code envKey=sdkToken,envKey=sdkToken}.
   *
   * @param text the list
   * @return the map, in order
   * @throws IllegalArgumentException on an entry without {@code =}, a blank part or a repeated key
   */
  public static Map<String, String> parseEnvironments(String text) {
    Map<String, String> result = new LinkedHashMap<>();
    for (String entry : text.split(",")) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int eq = trimmed.indexOf('=');
      if (eq <= 0 || eq == trimmed.length() - 1) {
        throw new IllegalArgumentException("expected envKey=sdkToken, got an entry without both");
      }
      String key = trimmed.substring(0, eq).trim();
      if (result.put(key, trimmed.substring(eq + 1).trim()) != null) {
        throw new IllegalArgumentException("environment " + key + " is listed twice");
      }
    }
    return result;
  }

  /**
   * The signing keys as a key ring: every listed key verifies (rotation).
   *
   * @return the key ring
   * @throws IllegalArgumentException when the list is empty or malformed
   */
  public KeyRing keyRing() {
    return KeyRing.of(SigningKey.parseList(signingKeys).toArray(SigningKey[]::new));
  }

  /**
   * With another listening address.
   *
   * @param value the host
   * @return the settings
   */
  public EdgeConfig withHost(String value) {
    return new EdgeConfig(
        value,
        port,
        controlUrl,
        environments,
        signingKeys,
        redisUrl,
        maxCompiledEnvironments,
        minBackoff,
        maxBackoff,
        pollInterval,
        streamIdleTimeout,
        heartbeatInterval,
        rateLimitPerSecond,
        rateLimitBurst,
        tls,
        controlTls,
        guards);
  }

  /**
   * With other CORS and per-address limits.
   *
   * @param value the guards
   * @return the settings
   */
  public EdgeConfig withGuards(HttpGuards value) {
    return new EdgeConfig(
        host,
        port,
        controlUrl,
        environments,
        signingKeys,
        redisUrl,
        maxCompiledEnvironments,
        minBackoff,
        maxBackoff,
        pollInterval,
        streamIdleTimeout,
        heartbeatInterval,
        rateLimitPerSecond,
        rateLimitBurst,
        tls,
        controlTls,
        value);
  }

  /**
   * With another port.
   *
   * @param value the port (0: any free one)
   * @return the settings
   */
  public EdgeConfig withPort(int value) {
    return new EdgeConfig(
        host,
        value,
        controlUrl,
        environments,
        signingKeys,
        redisUrl,
        maxCompiledEnvironments,
        minBackoff,
        maxBackoff,
        pollInterval,
        streamIdleTimeout,
        heartbeatInterval,
        rateLimitPerSecond,
        rateLimitBurst,
        tls,
        controlTls,
        guards);
  }

  /**
   * With another control plane.
   *
   * @param value its base URL (a trailing slash is dropped)
   * @return the settings
   */
  public EdgeConfig withControlUrl(String value) {
    String trimmed = value.trim();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return new EdgeConfig(
        host,
        port,
        URI.create(trimmed),
        environments,
        signingKeys,
        redisUrl,
        maxCompiledEnvironments,
        minBackoff,
        maxBackoff,
        pollInterval,
        streamIdleTimeout,
        heartbeatInterval,
        rateLimitPerSecond,
        rateLimitBurst,
        tls,
        controlTls,
        guards);
  }

  /**
   * With other served environments.
   *
   * @param value environment key to SDK token
   * @return the settings
   */
  public EdgeConfig withEnvironments(Map<String, String> value) {
    return new EdgeConfig(
        host,
        port,
        controlUrl,
        value,
        signingKeys,
        redisUrl,
        maxCompiledEnvironments,
        minBackoff,
        maxBackoff,
        pollInterval,
        streamIdleTimeout,
        heartbeatInterval,
        rateLimitPerSecond,
        rateLimitBurst,
        tls,
        controlTls,
        guards);
  }

  /**
   * With other signing keys.
   *
   * @param value {@code kid:secret,kid:secret}
   * @return the settings
   */
  public EdgeConfig withSigningKeys(String value) {
    return new EdgeConfig(
        host,
        port,
        controlUrl,
        environments,
        value,
        redisUrl,
        maxCompiledEnvironments,
        minBackoff,
        maxBackoff,
        pollInterval,
        streamIdleTimeout,
        heartbeatInterval,
        rateLimitPerSecond,
        rateLimitBurst,
        tls,
        controlTls,
        guards);
  }

  /**
   * With (or without) a Redis L2 store.
   *
   * @param value {@code redis://host:port}, or null/blank for none
   * @return the settings
   */
  public EdgeConfig withRedisUrl(String value) {
    return new EdgeConfig(
        host,
        port,
        controlUrl,
        environments,
        signingKeys,
        value,
        maxCompiledEnvironments,
        minBackoff,
        maxBackoff,
        pollInterval,
        streamIdleTimeout,
        heartbeatInterval,
        rateLimitPerSecond,
        rateLimitBurst,
        tls,
        controlTls,
        guards);
  }

  /**
   * With another bound on compiled environments.
   *
   * @param value at least 1
   * @return the settings
   */
  public EdgeConfig withMaxCompiledEnvironments(int value) {
    return new EdgeConfig(
        host,
        port,
        controlUrl,
        environments,
        signingKeys,
        redisUrl,
        value,
        minBackoff,
        maxBackoff,
        pollInterval,
        streamIdleTimeout,
        heartbeatInterval,
        rateLimitPerSecond,
        rateLimitBurst,
        tls,
        controlTls,
        guards);
  }

  /**
   * With other reconnect delays.
   *
   * @param min the first delay
   * @param max the largest delay
   * @return the settings
   */
  public EdgeConfig withBackoff(Duration min, Duration max) {
    return new EdgeConfig(
        host,
        port,
        controlUrl,
        environments,
        signingKeys,
        redisUrl,
        maxCompiledEnvironments,
        min,
        max,
        pollInterval,
        streamIdleTimeout,
        heartbeatInterval,
        rateLimitPerSecond,
        rateLimitBurst,
        tls,
        controlTls,
        guards);
  }

  /**
   * With another polling interval (while the stream is down).
   *
   * @param value the interval
   * @return the settings
   */
  public EdgeConfig withPollInterval(Duration value) {
    return new EdgeConfig(
        host,
        port,
        controlUrl,
        environments,
        signingKeys,
        redisUrl,
        maxCompiledEnvironments,
        minBackoff,
        maxBackoff,
        value,
        streamIdleTimeout,
        heartbeatInterval,
        rateLimitPerSecond,
        rateLimitBurst,
        tls,
        controlTls,
        guards);
  }

  /**
   * With another stream idle timeout.
   *
   * @param value the timeout
   * @return the settings
   */
  public EdgeConfig withStreamIdleTimeout(Duration value) {
    return new EdgeConfig(
        host,
        port,
        controlUrl,
        environments,
        signingKeys,
        redisUrl,
        maxCompiledEnvironments,
        minBackoff,
        maxBackoff,
        pollInterval,
        value,
        heartbeatInterval,
        rateLimitPerSecond,
        rateLimitBurst,
        tls,
        controlTls,
        guards);
  }

  private static int integer(Map<String, String> env, String name) {
    try {
      return Integer.parseInt(env.get(name).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is not an integer", e);
    }
  }

  private static void requirePositive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  /**
   * With another rate limit on the edge's routes.
   *
   * @param perSecond sustained requests per second per SDK token
   * @param burst burst size
   * @return the settings
   */
  public EdgeConfig withRateLimit(double perSecond, int burst) {
    return new EdgeConfig(
        host,
        port,
        controlUrl,
        environments,
        signingKeys,
        redisUrl,
        maxCompiledEnvironments,
        minBackoff,
        maxBackoff,
        pollInterval,
        streamIdleTimeout,
        heartbeatInterval,
        perSecond,
        burst,
        tls,
        controlTls,
        guards);
  }

  /**
   * With other TLS settings of the edge's own listener.
   *
   * @param value the settings ({@link TlsSettings#none()}: plain HTTP)
   * @return the settings
   */
  public EdgeConfig withTls(TlsSettings value) {
    return new EdgeConfig(
        host,
        port,
        controlUrl,
        environments,
        signingKeys,
        redisUrl,
        maxCompiledEnvironments,
        minBackoff,
        maxBackoff,
        pollInterval,
        streamIdleTimeout,
        heartbeatInterval,
        rateLimitPerSecond,
        rateLimitBurst,
        value,
        controlTls,
        guards);
  }

  /**
   * With other TLS settings towards the control plane.
   *
   * @param value the CA to trust and the client certificate to present
   * @return the settings
   */
  public EdgeConfig withControlTls(ClientTlsSettings value) {
    return new EdgeConfig(
        host,
        port,
        controlUrl,
        environments,
        signingKeys,
        redisUrl,
        maxCompiledEnvironments,
        minBackoff,
        maxBackoff,
        pollInterval,
        streamIdleTimeout,
        heartbeatInterval,
        rateLimitPerSecond,
        rateLimitBurst,
        tls,
        value,
        guards);
  }
}
