package dev.ff.control;

import dev.ff.control.api.AccessPolicy;
import dev.ff.control.api.ApiRouter;
import dev.ff.control.api.ConfigStreams;
import dev.ff.control.api.ControlApi;
import dev.ff.control.api.RouteModule;
import dev.ff.control.db.Database;
import dev.ff.control.db.DemoSeed;
import dev.ff.control.db.EmbeddedDatabase;
import dev.ff.control.feed.ConfigFeed;
import dev.ff.control.publish.SigningKeys;
import dev.ff.control.store.Json;
import dev.ff.core.document.SigningKey;
import dev.ff.server.http.HttpServer;
import dev.ff.server.http.Route;
import dev.ff.server.http.RouteOptions;
import dev.ff.server.http.ServerConfig;
import dev.ff.server.metrics.ServerMetrics;
import dev.ff.server.ratelimit.RateLimiter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runnable control plane: database (external or embedded) and migrations, the services ({@link
 * ControlPlane}), signing keys, token pepper, the {@code /v1} API with its authenticator and access
 * policy, the config feed and SSE streams, and the HTTP server.
 *
 * <pre>{@code
 * try (ControlPlaneServer server = new ControlPlaneServer(ControlPlaneConfig.defaults()).start()) {
 *   System.out.println(server.url() + " " + server.adminToken());
 * }
 * }</pre>
 *
 * <p>Other servers (edge, ingest) mount into the same process by {@link #module(RouteModule)
 * contributing route modules} before {@link #start()}. Two instances run side by side when their
 * ports and data folders differ (or they share one external database).
 */
public final class ControlPlaneServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ControlPlaneServer.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ControlPlaneConfig config;
  private final List<RouteModule> extraModules = new ArrayList<>();
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final ServerMetrics metrics = ServerMetrics.create();
  private ControlPlane services;
  private ConfigStreams streams;
  private HttpServer server;
  private String adminToken;
  private AccessPolicy accessPolicy;
  private Optional<DemoSeed.Result> seed = Optional.empty();

  /**
   * A server, not yet started.
   *
   * @param config the settings
   */
  public ControlPlaneServer(ControlPlaneConfig config) {
    this.config = config;
  }

  /**
   * Runs the control plane from {@code FF_*} environment variables until the process stops.
   *
   * @param args ignored
   * @throws InterruptedException when interrupted while serving
   */
  public static void main(String[] args) throws InterruptedException {
    ControlPlaneServer server =
        new ControlPlaneServer(ControlPlaneConfig.fromEnvironment(System.getenv())).start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "ff-shutdown"));
    System.out.println("ff control plane listening on " + server.url());
    server.awaitClose();
  }

  /**
   * Blocks until {@link #close()} has run (the server's threads are daemons, so a {@code main} that
   * returns would end the process).
   *
   * @throws InterruptedException when interrupted while waiting
   */
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  /**
   * Adds a route module (before {@link #start()}): its routes share the server, the authenticator
   * and the {@link AccessPolicy}.
   *
   * @param module the module
   * @return this server
   */
  public synchronized ControlPlaneServer module(RouteModule module) {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    extraModules.add(module);
    return this;
  }

  /**
   * Opens the database, wires everything and starts listening.
   *
   * @return this server
   * @throws IllegalStateException when started twice
   */
  public synchronized ControlPlaneServer start() {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    try {
      Path data = config.dataDir().toAbsolutePath();
      Files.createDirectories(data);
      Database database = openDatabase(data);
      services = openServices(database, data);
      adminToken = adminToken(data);
      if (config.seedDemo()) {
        seed = Optional.of(DemoSeed.seed(services, Optional.empty()));
        seed.get()
            .adminSecret()
            .ifPresent(s -> System.err.println("ff: demo organisation admin token: " + s));
      }
      streams = new ConfigStreams(services.reader());
      resources.add(0, streams);
      ConfigFeed feed = ConfigFeed.start(database.dedicatedConnections("ff-config-feed"));
      resources.add(0, feed);
      resources.add(0, feed.register(streams));
      ApiRouter api =
          new ApiRouter(RouteOptions.defaults().rateLimitClass(ControlApi.RATE_LIMIT_CLASS));
      ControlApi.Security security =
          ControlApi.security(services, config.identity(), adminToken, Clock.systemUTC());
      ControlApi.modules(services, streams, config.configMaxAge(), security.roles())
          .forEach(api::module);
      extraModules.forEach(api::module);
      accessPolicy = new AccessPolicy(api.accessTable(), security.roles());
      server =
          HttpServer.builder(
                  ServerConfig.defaults()
                      .withHost(config.host())
                      .withPort(config.port())
                      .withMaxBodyBytes(config.maxBodyBytes())
                      .withShutdownGrace(config.shutdownGrace())
                      .withHeartbeatInterval(config.heartbeatInterval())
                      .withCors(config.guards().cors()))
              .router(api.router())
              .authenticator(security.authenticator())
              .authorizer(accessPolicy)
              .rateLimits(
                  RateLimiter.builder()
                      .limit(
                          ControlApi.RATE_LIMIT_CLASS,
                          config.rateLimitPerSecond(),
                          config.rateLimitBurst())
                      .limit(
                          ControlApi.LOGIN_RATE_LIMIT_CLASS,
                          config.identity().loginsPerMinute() / 60.0,
                          config.identity().loginsPerMinute())
                      .limit(
                          RateLimiter.PER_IP_CLASS,
                          config.guards().perIpPerSecond(),
                          config.guards().perIpBurst())
                      .build())
              .metrics(metrics)
              .tls(config.tls())
              .objectMapper(Json.MAPPER)
              .readinessCheck("config-feed", feed::connected)
              .debugRoutes(true)
              .build()
              .start();
      resources.add(0, server);
      LOG.info("control plane listening on {}", url());
      return this;
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Seeds the demo data into the database of a configuration (the same database, signing keys and
   * token pepper that {@link #start()} would use) without serving: {@code ff seed}. Idempotent.
   * Servers running on that database pick the new config versions up through the config feed.
   *
   * @param config the settings of the instance to seed
   * @return what the seed did
   * @throws UncheckedIOException when the data folder cannot be used
   */
  public static DemoSeed.Result seedDemo(ControlPlaneConfig config) {
    ControlPlaneServer instance = new ControlPlaneServer(config);
    try {
      Path data = config.dataDir().toAbsolutePath();
      Files.createDirectories(data);
      ControlPlane services = instance.openServices(instance.openDatabase(data), data);
      return DemoSeed.seed(services, Optional.empty());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      instance.close();
    }
  }

  /**
   * The server's metrics ({@code /metrics}); modules mounted into the process register theirs on
   * {@code metrics().registry()}, also before {@link #start()}.
   *
   * @return the metrics
   */
  public ServerMetrics metrics() {
    return metrics;
  }

  /**
   * The bound port.
   *
   * @return the port
   */
  public int port() {
    return started().port();
  }

  /**
   * The base URL, e.g. {@code http://127.0.0.1:8080}, or {@code https://…} with TLS.
   *
   * @return the URL
   */
  public String url() {
    return started().url();
  }

  /**
   * The bootstrap (root) admin token: {@code FF_ADMIN_TOKEN}, or the one generated on first start
   * and kept in {@code <dataDir>/admin-token}.
   *
   * @return the token
   */
  public String adminToken() {
    started();
    return adminToken;
  }

  /**
   * The services.
   *
   * @return the services
   */
  public ControlPlane services() {
    started();
    return services;
  }

  /**
   * The access policy: every route's rule and the role resolver (for tests and tooling).
   *
   * @return the policy
   */
  public AccessPolicy accessPolicy() {
    started();
    return accessPolicy;
  }

  /**
   * The config streams (for tests and metrics).
   *
   * @return the streams
   */
  public ConfigStreams streams() {
    started();
    return streams;
  }

  /**
   * What the demo seed did, if it ran.
   *
   * @return the result
   */
  public Optional<DemoSeed.Result> seedResult() {
    return seed;
  }

  /**
   * Every route the server serves, built-ins ({@code /live}, {@code /ready}, {@code /metrics})
   * included.
   *
   * @return the routes
   */
  public List<Route> routes() {
    return started().router().routes();
  }

  /** Stops gracefully: the HTTP server (draining requests, closing streams), feed, database. */
  @Override
  public synchronized void close() {
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("closing {} failed: {}", resource.getClass().getSimpleName(), e.toString());
      }
    }
    resources.clear();
    closed.countDown();
  }

  private HttpServer started() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return server;
  }

  private ControlPlane openServices(Database database, Path data) throws IOException {
    return new ControlPlane(
        database.jdbi(),
        Clock.systemUTC(),
        signingKeys(data),
        tokenPepper(data),
        config.identity());
  }

  private Database openDatabase(Path data) {
    Database database;
    if (config.databaseUrl().isPresent()) {
      database =
          Database.open(
              config.databaseUrl().get(),
              config.databaseUser().orElse(null),
              config.databasePassword().orElse(null),
              config.databasePoolSize());
    } else {
      EmbeddedDatabase embedded = EmbeddedDatabase.start(data.resolve("postgres"));
      resources.add(0, embedded);
      database = embedded.open();
    }
    resources.add(0, database);
    return database;
  }

  private SigningKeys signingKeys(Path data) throws IOException {
    String spec = config.signingKeys().orElse(null);
    if (spec == null) {
      spec = persisted(data.resolve("signing-key"), () -> "k1:" + randomSecret());
    }
    List<SigningKey> keys = SigningKey.parseList(spec);
    return new SigningKeys(keys.get(0), keys.subList(1, keys.size()).toArray(SigningKey[]::new));
  }

  private byte[] tokenPepper(Path data) throws IOException {
    String pepper =
        config.tokenPepper().orElse(null) != null
            ? config.tokenPepper().get()
            : persisted(data.resolve("token-pepper"), ControlPlaneServer::randomSecret);
    return pepper.getBytes(StandardCharsets.UTF_8);
  }

  private String adminToken(Path data) throws IOException {
    if (config.adminToken().isPresent()) {
      return config.adminToken().get();
    }
    Path file = data.resolve("admin-token");
    boolean generated = !Files.exists(file);
    String token = persisted(file, () -> "ffr_" + randomSecret());
    if (generated) {
      System.err.println(
          "ff: generated the bootstrap admin token (kept in " + file + "): " + token);
    }
    return token;
  }

  /** Reads a secret file, creating it (owner-only) with a generated value on first use. */
  private static String persisted(Path file, java.util.function.Supplier<String> generate)
      throws IOException {
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    }
    String value = generate.get();
    Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      LOG.debug("no POSIX permissions for {}", tmp);
    }
    Files.writeString(tmp, value + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return value;
  }

  private static String randomSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
