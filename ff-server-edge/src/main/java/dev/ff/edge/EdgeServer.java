package dev.ff.edge;

import dev.ff.edge.http.ConfiguredReplicas;
import dev.ff.edge.http.EdgeAuthenticator;
import dev.ff.edge.http.EdgeRoutes;
import dev.ff.edge.http.StreamHub;
import dev.ff.edge.replica.EdgeMetrics;
import dev.ff.edge.replica.EnvironmentReplica;
import dev.ff.server.http.HttpServer;
import dev.ff.server.http.Router;
import dev.ff.server.http.ServerConfig;
import dev.ff.server.metrics.ServerMetrics;
import dev.ff.server.ratelimit.RateLimiter;
import dev.ff.server.tls.ClientTls;
import dev.ff.server.tls.ServerTls;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge evaluator: one {@link EnvironmentReplica} per served environment, fed by the control
 * plane, and an HTTP server (ff-server-common) with {@code /evaluate}, {@code /evaluate/batch},
 * {@code /configs/{envKey}}, {@code /stream/{envKey}}, {@code /live}, {@code /ready} (every
 * environment has its first verified document) and {@code /metrics}.
 *
 * <pre>{@code
 * try (EdgeServer edge = new EdgeServer(EdgeConfig.fromEnvironment(System.getenv())).start()) {
 *   edge.awaitClose();
 * }
 * }</pre>
 */
public final class EdgeServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EdgeServer.class);

  private final EdgeConfig config;
  private final Clock clock;
  private final ServerMetrics serverMetrics = ServerMetrics.create();
  private final EdgeMetrics metrics = new EdgeMetrics(serverMetrics.registry());
  private final CountDownLatch closed = new CountDownLatch(1);
  private Map<String, EnvironmentReplica> replicas = Map.of();
  private EdgeRuntime runtime;
  private StreamHub hub;
  private HttpServer http;

  /**
   * An edge on the system clock; call {@link #start()}.
   *
   * @param config the settings
   */
  public EdgeServer(EdgeConfig config) {
    this(config, Clock.systemUTC());
  }

  /**
   * An edge with a given clock.
   *
   * @param config the settings
   * @param clock the time source of the replicas
   */
  public EdgeServer(EdgeConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /**
   * Runs an edge from {@code FF_*} environment variables until the process is stopped.
   *
   * @param args ignored
   * @throws InterruptedException when interrupted while waiting
   */
  public static void main(String[] args) throws InterruptedException {
    EdgeServer edge = new EdgeServer(EdgeConfig.fromEnvironment(System.getenv())).start();
    Runtime.getRuntime().addShutdownHook(new Thread(edge::close, "ff-edge-shutdown"));
    System.out.println("ff edge is serving on " + edge.url());
    edge.awaitClose();
  }

  /**
   * Starts the replicas and the HTTP server.
   *
   * @return this edge
   * @throws IllegalArgumentException when no environment or no signing key is configured
   */
  public synchronized EdgeServer start() {
    if (http != null) {
      throw new IllegalStateException("already started");
    }
    if (config.environments().isEmpty()) {
      throw new IllegalArgumentException("no environments: set FF_EDGE_ENVIRONMENTS=envKey=token");
    }
    if (config.tls().enabled()) {
      ServerTls.sslContext(config.tls()); // bad TLS files fail here, before any thread starts
    }
    HttpClient client = controlPlaneClient(config);
    runtime =
        new EdgeRuntime(config, config.controlUrl(), config.keyRing(), clock, client, metrics);
    hub = new StreamHub(metrics);
    Map<String, EnvironmentReplica> built = new LinkedHashMap<>();
    config
        .environments()
        .forEach(
            (env, token) -> {
              EnvironmentReplica replica = new EnvironmentReplica(env, token, runtime.context());
              replica.addListener(hub);
              built.put(env, replica);
            });
    replicas = Collections.unmodifiableMap(built);
    Router router =
        new EdgeRoutes(new ConfiguredReplicas(replicas), hub, metrics)
            .register(Router.builder())
            .build();
    http =
        HttpServer.builder(
                ServerConfig.defaults()
                    .withHost(config.host())
                    .withPort(config.port())
                    .withHeartbeatInterval(config.heartbeatInterval())
                    .withCors(config.guards().cors()))
            .router(router)
            .authenticator(new EdgeAuthenticator(replicas.values()))
            .rateLimits(
                RateLimiter.builder()
                    .limit(
                        EdgeRoutes.RATE_LIMIT_CLASS,
                        config.rateLimitPerSecond(),
                        config.rateLimitBurst())
                    .limit(
                        RateLimiter.PER_IP_CLASS,
                        config.guards().perIpPerSecond(),
                        config.guards().perIpBurst())
                    .build())
            .metrics(serverMetrics)
            .tls(config.tls())
            .readinessCheck("configs", this::allReady)
            .build()
            .start();
    replicas.values().forEach(EnvironmentReplica::start);
    LOG.info(
        "edge serving {} on {} from {}", replicas.keySet(), url(), config.controlUrl().toString());
    return this;
  }

  /**
   * Whether every served environment has its first verified document (what {@code /ready} says).
   *
   * @return true when all are ready
   */
  public boolean allReady() {
    return !replicas.isEmpty() && replicas.values().stream().allMatch(EnvironmentReplica::isReady);
  }

  /**
   * The replica of an environment.
   *
   * @param envKey the environment key
   * @return the replica, or empty when this edge does not serve it
   */
  public Optional<EnvironmentReplica> replica(String envKey) {
    return Optional.ofNullable(replicas.get(envKey));
  }

  /**
   * The SDK stream hub.
   *
   * @return the hub (null before {@link #start()})
   */
  public StreamHub streams() {
    return hub;
  }

  /**
   * The Prometheus registry ({@code /metrics}).
   *
   * @return the registry
   */
  public PrometheusRegistry registry() {
    return serverMetrics.registry();
  }

  /**
   * The edge's own metrics.
   *
   * @return the metrics
   */
  public EdgeMetrics metrics() {
    return metrics;
  }

  /**
   * The bound port.
   *
   * @return the port
   */
  public int port() {
    return http.port();
  }

  /**
   * The HTTP client an edge follows the control plane with: HTTP/1.1, 5 s connect timeout and, with
   * {@link EdgeConfig#controlTls()}, an {@code SSLContext} that trusts its CA and presents its
   * client certificate (mutual TLS).
   *
   * @param config the settings
   * @return the client
   * @throws IllegalArgumentException when a TLS file is not usable, or TLS towards the control
   *     plane is configured but its URL is not {@code https://}
   */
  public static HttpClient controlPlaneClient(EdgeConfig config) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5));
    if (!config.controlTls().isDefault()) {
      if (!"https".equalsIgnoreCase(config.controlUrl().getScheme())) {
        throw new IllegalArgumentException(
            "FF_CONTROL_CA / FF_CONTROL_CLIENT_CERT are set but the control plane URL "
                + config.controlUrl()
                + " is not https://");
      }
      builder.sslContext(ClientTls.create(config.controlTls()).sslContext());
    }
    return builder.build();
  }

  /**
   * The base URL, e.g. {@code http://127.0.0.1:8090}, or {@code https://…} with TLS.
   *
   * @return the URL
   */
  public String url() {
    String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
    return (http.isTls() ? "https://" : "http://") + host + ":" + port();
  }

  /**
   * Blocks until {@link #close()}.
   *
   * @throws InterruptedException when interrupted
   */
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  /** Stops the replicas, the HTTP server, the L2 store and the threads. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed.getCount() == 0) {
      return;
    }
    replicas.values().forEach(EnvironmentReplica::close);
    if (http != null) {
      http.close();
    }
    if (runtime != null) {
      runtime.close();
    }
    closed.countDown();
  }
}
