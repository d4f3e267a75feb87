package dev.ff.control;

import dev.ff.control.auth.IdentityConfig;
import dev.ff.server.http.HttpGuards;
import dev.ff.server.tls.TlsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of a {@link ControlPlaneServer}. Start from {@link #defaults()} or {@link
 * #fromEnvironment(Map)} and adjust with the {@code with…} copies.
 *
 * @param host interface to bind ({@code FF_HTTP_HOST}, default {@code 127.0.0.1})
 * @param port TCP port, 0 for an ephemeral one ({@code FF_HTTP_PORT}, default 8080)
 * @param dataDir folder of persisted secrets and of the embedded database ({@code FF_DATA_DIR},
 *     default {@code ./ff-data})
 * @param databaseUrl JDBC URL of an external PostgreSQL ({@code FF_DATABASE_URL}); empty: an
 *     embedded PostgreSQL under {@code <dataDir>/postgres}
 * @param databaseUser user of the external database ({@code FF_DATABASE_USER})
 * @param databasePassword password of the external database ({@code FF_DATABASE_PASSWORD})
 * @param databasePoolSize connection pool size ({@code FF_DATABASE_POOL_SIZE}, default 10)
 * @param adminToken the bootstrap (root) admin token ({@code FF_ADMIN_TOKEN}); empty: generated
 *     once, stored in {@code <dataDir>/admin-token} and printed when generated
 * @param signingKeys {@code kid1:secret1,kid2:secret2}, the first signs ({@code FF_SIGNING_KEYS});
 *     empty: a key generated once and stored in {@code <dataDir>/signing-key}
 * @param tokenPepper HMAC key of stored token secrets, at least 16 characters ({@code
 *     FF_TOKEN_PEPPER}); empty: generated once and stored in {@code <dataDir>/token-pepper}
 * @param seedDemo seed the demo organisation on start ({@code FF_SEED_DEMO=true})
 * @param configMaxAge {@code Cache-Control: max-age} of config responses ({@code
 *     FF_CONFIG_MAX_AGE_SECONDS}, default 10)
 * @param maxBodyBytes largest request body ({@code FF_MAX_BODY_BYTES}, default 1 MiB)
 * @param rateLimitPerSecond sustained requests per second per principal or client IP ({@code
 *     FF_RATE_LIMIT_RPS}, default 1000)
 * @param rateLimitBurst burst size of the rate limit ({@code FF_RATE_LIMIT_BURST}, default 2000)
 * @param shutdownGrace how long {@code close()} waits for in-flight requests ({@code
 *     FF_SHUTDOWN_GRACE_SECONDS}, default 10)
 * @param heartbeatInterval SSE heartbeat interval ({@code FF_SSE_HEARTBEAT_SECONDS}, default 15)
 * @param identity sign-in settings: bcrypt cost, sessions, lockout, OIDC ({@link IdentityConfig},
 *     {@code FF_BCRYPT_COST}, {@code FF_SESSION_TTL_SECONDS}, {@code FF_LOGIN_*}, {@code
 *     FF_OIDC_*})
 * @param tls HTTPS and mutual TLS of the listener ({@code FF_TLS_CERT} + {@code FF_TLS_KEY}, or
 *     {@code FF_TLS_KEYSTORE} + {@code FF_TLS_KEYSTORE_PASSWORD[_FILE]}; {@code FF_TLS_CLIENT_CA}
 *     requires client certificates); default: plain HTTP
 * @param guards CORS origins and the per-client-address limit ({@code FF_CORS_ORIGINS}, {@code
 *     FF_RATE_LIMIT_PER_IP_RPS} default 1000, {@code FF_RATE_LIMIT_PER_IP_BURST} default 2000)
 */
public record ControlPlaneConfig(
    String host,
    int port,
    Path dataDir,
    Optional<String> databaseUrl,
    Optional<String> databaseUser,
    Optional<String> databasePassword,
    int databasePoolSize,
    Optional<String> adminToken,
    Optional<String> signingKeys,
    Optional<String> tokenPepper,
    boolean seedDemo,
    Duration configMaxAge,
    int maxBodyBytes,
    double rateLimitPerSecond,
    int rateLimitBurst,
    Duration shutdownGrace,
    Duration heartbeatInterval,
    IdentityConfig identity,
    TlsSettings tls,
    HttpGuards guards) {

  /** Checks the members. */
  public ControlPlaneConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(guards, "guards");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(databaseUrl, "databaseUrl");
    Objects.requireNonNull(databaseUser, "databaseUser");
    Objects.requireNonNull(databasePassword, "databasePassword");
    Objects.requireNonNull(adminToken, "adminToken");
    Objects.requireNonNull(signingKeys, "signingKeys");
    Objects.requireNonNull(tokenPepper, "tokenPepper");
    Objects.requireNonNull(configMaxAge, "configMaxAge");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(tls, "tls");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (tokenPepper.filter(p -> p.length() < 16).isPresent()) {
      throw new IllegalArgumentException("FF_TOKEN_PEPPER needs at least 16 characters");
    }
  }

  /**
   * The defaults: {@code 127.0.0.1:8080}, data under {@code ./ff-data}, embedded database,
   * generated secrets, no demo seed.
   *
   * @return the defaults
   */
  public static ControlPlaneConfig defaults() {
    return new ControlPlaneConfig(
        "127.0.0.1",
        8080,
        Path.of("ff-data"),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        10,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        Duration.ofSeconds(10),
        1024 * 1024,
        1000,
        2000,
        Duration.ofSeconds(10),
        Duration.ofSeconds(15),
        IdentityConfig.defaults(),
        TlsSettings.none(),
        HttpGuards.of(1000, 2000));
  }

  /**
   * The defaults overridden by {@code FF_*} variables (see the member descriptions).
   *
   * @param env the environment, e.g. {@code System.getenv()}
   * @return the settings
   * @throws IllegalArgumentException on a malformed number or an incomplete or contradictory set of
   *     {@code FF_TLS_*} variables
   */
  public static ControlPlaneConfig fromEnvironment(Map<String, String> env) {
    ControlPlaneConfig d = defaults();
    return new ControlPlaneConfig(
        text(env, "FF_HTTP_HOST").orElse(d.host()),
        integer(env, "FF_HTTP_PORT", d.port()),
        text(env, "FF_DATA_DIR").map(Path::of).orElse(d.dataDir()),
        text(env, "FF_DATABASE_URL"),
        text(env, "FF_DATABASE_USER"),
        text(env, "FF_DATABASE_PASSWORD"),
        integer(env, "FF_DATABASE_POOL_SIZE", d.databasePoolSize()),
        text(env, "FF_ADMIN_TOKEN"),
        text(env, "FF_SIGNING_KEYS"),
        text(env, "FF_TOKEN_PEPPER"),
        text(env, "FF_SEED_DEMO").map(Boolean::parseBoolean).orElse(d.seedDemo()),
        Duration.ofSeconds(
            integer(env, "FF_CONFIG_MAX_AGE_SECONDS", (int) d.configMaxAge().toSeconds())),
        integer(env, "FF_MAX_BODY_BYTES", d.maxBodyBytes()),
        text(env, "FF_RATE_LIMIT_RPS").map(Double::parseDouble).orElse(d.rateLimitPerSecond()),
        integer(env, "FF_RATE_LIMIT_BURST", d.rateLimitBurst()),
        Duration.ofSeconds(
            integer(env, "FF_SHUTDOWN_GRACE_SECONDS", (int) d.shutdownGrace().toSeconds())),
        Duration.ofSeconds(
            integer(env, "FF_SSE_HEARTBEAT_SECONDS", (int) d.heartbeatInterval().toSeconds())),
        IdentityConfig.fromEnvironment(env),
        TlsSettings.fromEnvironment(env),
        HttpGuards.fromEnvironment(env, d.guards()));
  }

  /**
   * Copy with another port.
   *
   * @param value the port, 0 for ephemeral
   * @return the copy
   */
  public ControlPlaneConfig withPort(int value) {
    return new ControlPlaneConfig(
        host,
        value,
        dataDir,
        databaseUrl,
        databaseUser,
        databasePassword,
        databasePoolSize,
        adminToken,
        signingKeys,
        tokenPepper,
        seedDemo,
        configMaxAge,
        maxBodyBytes,
        rateLimitPerSecond,
        rateLimitBurst,
        shutdownGrace,
        heartbeatInterval,
        identity,
        tls,
        guards);
  }

  /**
   * Copy with another data folder.
   *
   * @param value the folder
   * @return the copy
   */
  public ControlPlaneConfig withDataDir(Path value) {
    return new ControlPlaneConfig(
        host,
        port,
        value,
        databaseUrl,
        databaseUser,
        databasePassword,
        databasePoolSize,
        adminToken,
        signingKeys,
        tokenPepper,
        seedDemo,
        configMaxAge,
        maxBodyBytes,
        rateLimitPerSecond,
        rateLimitBurst,
        shutdownGrace,
        heartbeatInterval,
        identity,
        tls,
        guards);
  }

  /**
   * Copy with an external database.
   *
   * @param url the JDBC URL
   * @param user the user
   * @param password the password, or null
   * @return the copy
   */
  public ControlPlaneConfig withDatabase(String url, String user, String password) {
    return new ControlPlaneConfig(
        host,
        port,
        dataDir,
        Optional.of(url),
        Optional.ofNullable(user),
        Optional.ofNullable(password),
        databasePoolSize,
        adminToken,
        signingKeys,
        tokenPepper,
        seedDemo,
        configMaxAge,
        maxBodyBytes,
        rateLimitPerSecond,
        rateLimitBurst,
        shutdownGrace,
        heartbeatInterval,
        identity,
        tls,
        guards);
  }

  /**
   * Copy with a fixed bootstrap admin token.
   *
   * @param value the token
   * @return the copy
   */
  public ControlPlaneConfig withAdminToken(String value) {
    return new ControlPlaneConfig(
        host,
        port,
        dataDir,
        databaseUrl,
        databaseUser,
        databasePassword,
        databasePoolSize,
        Optional.of(value),
        signingKeys,
        tokenPepper,
        seedDemo,
        configMaxAge,
        maxBodyBytes,
        rateLimitPerSecond,
        rateLimitBurst,
        shutdownGrace,
        heartbeatInterval,
        identity,
        tls,
        guards);
  }

  /**
   * Copy with signing keys.
   *
   * @param value {@code kid1:secret1,kid2:secret2}
   * @return the copy
   */
  public ControlPlaneConfig withSigningKeys(String value) {
    return new ControlPlaneConfig(
        host,
        port,
        dataDir,
        databaseUrl,
        databaseUser,
        databasePassword,
        databasePoolSize,
        adminToken,
        Optional.of(value),
        tokenPepper,
        seedDemo,
        configMaxAge,
        maxBodyBytes,
        rateLimitPerSecond,
        rateLimitBurst,
        shutdownGrace,
        heartbeatInterval,
        identity,
        tls,
        guards);
  }

  /**
   * Copy with a token pepper.
   *
   * @param value at least 16 characters
   * @return the copy
   */
  public ControlPlaneConfig withTokenPepper(String value) {
    return new ControlPlaneConfig(
        host,
        port,
        dataDir,
        databaseUrl,
        databaseUser,
        databasePassword,
        databasePoolSize,
        adminToken,
        signingKeys,
        Optional.of(value),
        seedDemo,
        configMaxAge,
        maxBodyBytes,
        rateLimitPerSecond,
        rateLimitBurst,
        shutdownGrace,
        heartbeatInterval,
        identity,
        tls,
        guards);
  }

  /**
   * Copy that seeds (or not) the demo data on start.
   *
   * @param value whether to seed
   * @return the copy
   */
  public ControlPlaneConfig withSeedDemo(boolean value) {
    return new ControlPlaneConfig(
        host,
        port,
        dataDir,
        databaseUrl,
        databaseUser,
        databasePassword,
        databasePoolSize,
        adminToken,
        signingKeys,
        tokenPepper,
        value,
        configMaxAge,
        maxBodyBytes,
        rateLimitPerSecond,
        rateLimitBurst,
        shutdownGrace,
        heartbeatInterval,
        identity,
        tls,
        guards);
  }

  /**
   * Copy with another body limit.
   *
   * @param value the limit in bytes
   * @return the copy
   */
  public ControlPlaneConfig withMaxBodyBytes(int value) {
    return new ControlPlaneConfig(
        host,
        port,
        dataDir,
        databaseUrl,
        databaseUser,
        databasePassword,
        databasePoolSize,
        adminToken,
        signingKeys,
        tokenPepper,
        seedDemo,
        configMaxAge,
        value,
        rateLimitPerSecond,
        rateLimitBurst,
        shutdownGrace,
        heartbeatInterval,
        identity,
        tls,
        guards);
  }

  /**
   * Copy with another rate limit.
   *
   * @param perSecond sustained requests per second
   * @param burst burst size
   * @return the copy
   */
  public ControlPlaneConfig withRateLimit(double perSecond, int burst) {
    return new ControlPlaneConfig(
        host,
        port,
        dataDir,
        databaseUrl,
        databaseUser,
        databasePassword,
        databasePoolSize,
        adminToken,
        signingKeys,
        tokenPepper,
        seedDemo,
        configMaxAge,
        maxBodyBytes,
        perSecond,
        burst,
        shutdownGrace,
        heartbeatInterval,
        identity,
        tls,
        guards);
  }

  /**
   * Copy with other sign-in settings.
   *
   * @param value the settings
   * @return the copy
   */
  public ControlPlaneConfig withIdentity(IdentityConfig value) {
    return new ControlPlaneConfig(
        host,
        port,
        dataDir,
        databaseUrl,
        databaseUser,
        databasePassword,
        databasePoolSize,
        adminToken,
        signingKeys,
        tokenPepper,
        seedDemo,
        configMaxAge,
        maxBodyBytes,
        rateLimitPerSecond,
        rateLimitBurst,
        shutdownGrace,
        heartbeatInterval,
        value,
        tls,
        guards);
  }

  /**
   * Copy with other TLS settings of the listener.
   *
   * @param value the settings ({@link TlsSettings#none()}: plain HTTP)
   * @return the copy
   */
  public ControlPlaneConfig withTls(TlsSettings value) {
    return new ControlPlaneConfig(
        host,
        port,
        dataDir,
        databaseUrl,
        databaseUser,
        databasePassword,
        databasePoolSize,
        adminToken,
        signingKeys,
        tokenPepper,
        seedDemo,
        configMaxAge,
        maxBodyBytes,
        rateLimitPerSecond,
        rateLimitBurst,
        shutdownGrace,
        heartbeatInterval,
        identity,
        value,
        guards);
  }

  private static Optional<String> text(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  private static int integer(Map<String, String> env, String name, int fallback) {
    Optional<String> value = text(env, name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.get());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer: " + value.get(), e);
    }
  }

  /**
   * Copy with other CORS and per-address limits.
   *
   * @param value the guards
   * @return the copy
   */
  public ControlPlaneConfig withGuards(HttpGuards value) {
    return new ControlPlaneConfig(
        host,
        port,
        dataDir,
        databaseUrl,
        databaseUser,
        databasePassword,
        databasePoolSize,
        adminToken,
        signingKeys,
        tokenPepper,
        seedDemo,
        configMaxAge,
        maxBodyBytes,
        rateLimitPerSecond,
        rateLimitBurst,
        shutdownGrace,
        heartbeatInterval,
        identity,
        tls,
        value);
  }
}
