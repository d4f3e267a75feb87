package dev.ff.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ff.server.debug.DebugRoutes;
import dev.ff.server.metrics.ServerMetrics;
import dev.ff.server.ratelimit.RateLimiter;
import dev.ff.server.tls.ServerTls;
import dev.ff.server.tls.TlsSettings;
import dev.ff.server.tracing.ServerTracing;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.opentelemetry.api.OpenTelemetry;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hand-wired Netty HTTP/1.1 server. Assemble it with {@link #builder(ServerConfig)}, {@link
 * #start()} it and {@link #close()} it. Besides the application's routes it serves {@code /live},
 * {@code /ready} and {@code /metrics} (public, inline) and, when enabled, the admin-only {@link
 * DebugRoutes}. Plain HTTP by default; HTTPS, optionally with client certificates required, with
 * {@link Builder#tls(TlsSettings)}.
 */
public final class HttpServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

  private final ServerRuntime runtime;
  private final Map<String, ReadinessCheck> readinessChecks;
  private final ServerTls tls;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private EventLoopGroup bossGroup;
  private EventLoopGroup ioGroup;
  private ChannelGroup channels;
  private Channel serverChannel;

  private HttpServer(Builder builder) {
    this.readinessChecks = Map.copyOf(builder.readinessChecks);
    ServerMetrics metrics = builder.metrics != null ? builder.metrics : ServerMetrics.create();
    RouteOptions probe = RouteOptions.defaults().publicRoute().inline();
    Router.Builder routes =
        Router.builder()
            .routes(builder.router.routes())
            .get("/live", request -> Response.ok(Map.of("status", "UP")), probe)
            .get("/ready", request -> readiness(), probe)
            .get(
                "/metrics",
                request -> Response.bytes(200, metrics.contentType(), metrics.scrape()),
                probe);
    if (builder.debugRoutes) {
      routes.routes(DebugRoutes.routes());
    }
    Router router = routes.build();
    for (Route route : router.routes()) {
      route
          .options()
          .rateLimit()
          .filter(name -> !builder.rateLimiter.classNames().contains(name))
          .ifPresent(
              name -> {
                throw new IllegalStateException(
                    "route "
                        + route.method()
                        + " "
                        + route.template()
                        + " uses unknown rate-limit class "
                        + name);
              });
    }
    ServerConfig config = builder.config;
    this.tls =
        builder.sslContext == null
            ? null
            : ServerTls.create(
                builder.sslContext,
                builder.tlsSettings.mutual(),
                metrics.registry(),
                (path, correlationId) ->
                    Problems.render(
                        ProblemException.badRequest(
                            "This port speaks HTTPS: send the request over TLS (https://)"),
                        path,
                        correlationId));
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            config.blockingThreads(),
            config.blockingThreads(),
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(config.blockingQueueCapacity()),
            namedThreads("ff-blocking"),
            new ThreadPoolExecutor.AbortPolicy());
    this.runtime =
        new ServerRuntime(
            config,
            router,
            builder.authenticator,
            builder.authorizer,
            builder.rateLimiter,
            metrics,
            new ServerTracing(builder.openTelemetry),
            builder.objectMapper,
            executor);
  }

  private static ThreadFactory namedThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * A new builder.
   *
   * @param config network, limit and threading settings
   * @return the builder
   */
  public static Builder builder(ServerConfig config) {
    return new Builder(config);
  }

  private Response readiness() {
    Map<String, String> checks = new LinkedHashMap<>();
    boolean ready = !runtime.shuttingDown;
    for (Map.Entry<String, ReadinessCheck> entry : readinessChecks.entrySet()) {
      boolean ok;
      try {
        ok = entry.getValue().isReady();
      } catch (RuntimeException e) {
        LOG.warn("Readiness check {} failed: {}", entry.getKey(), e.toString());
        ok = false;
      }
      checks.put(entry.getKey(), ok ? "UP" : "DOWN");
      ready &= ok;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", ready ? "UP" : "DOWN");
    if (runtime.shuttingDown) {
      body.put("shuttingDown", true);
    }
    body.put("checks", checks);
    return Response.json(ready ? 200 : 503, body);
  }

  /**
   * Binds the port and starts serving.
   *
   * @return this server
   * @throws IllegalStateException when already started or closed
   */
  public HttpServer start() {
    if (closed.get() || !started.compareAndSet(false, true)) {
      throw new IllegalStateException("server already started or closed");
    }
    ServerConfig config = runtime.config;
    bossGroup = new MultiThreadIoEventLoopGroup(1, threads("ff-accept"), NioIoHandler.newFactory());
    ioGroup =
        new MultiThreadIoEventLoopGroup(
            config.ioThreads(), threads("ff-io"), NioIoHandler.newFactory());
    channels = new DefaultChannelGroup("ff-http", GlobalEventExecutor.INSTANCE);
    HttpDecoderConfig decoderConfig =
        new HttpDecoderConfig()
            .setMaxInitialLineLength(config.maxInitialLineBytes())
            .setMaxHeaderSize(config.maxHeaderBytes())
            .setMaxChunkSize(8192);
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(bossGroup, ioGroup)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(
                ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(32 * 1024, 64 * 1024))
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    channels.add(channel);
                    if (tls != null) {
                      tls.install(channel.pipeline());
                    }
                    channel
                        .pipeline()
                        .addLast(
                            "idle",
                            new IdleStateHandler(
                                0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
                        .addLast("codec", new HttpServerCodec(decoderConfig))
                        .addLast("ff", new ConnectionHandler(runtime));
                  }
                });
    try {
      serverChannel =
          bootstrap
              .bind(new InetSocketAddress(config.host(), config.port()))
              .syncUninterruptibly()
              .channel();
    } catch (RuntimeException e) {
      shutdownGroups();
      throw e;
    }
    if (tls == null) {
      LOG.info("HTTP server listening on {}:{}", config.host(), port());
    } else {
      LOG.info(
          "HTTPS server listening on {}:{}{}",
          config.host(),
          port(),
          tls.mutual() ? " (mutual TLS: client certificates required)" : "");
    }
    return this;
  }

  private static ThreadFactory threads(String prefix) {
    return new DefaultThreadFactory(prefix, true);
  }

  /**
   * The bound port (the ephemeral one when configured with port 0).
   *
   * @return the port
   * @throws IllegalStateException before {@link #start()}
   */
  public int port() {
    if (serverChannel == null) {
      throw new IllegalStateException("server not started");
    }
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  /**
   * Whether the server speaks TLS ({@link Builder#tls(TlsSettings)}).
   *
   * @return true for HTTPS
   */
  public boolean isTls() {
    return tls != null;
  }

  /**
   * The base URL clients use, e.g. {@code https://127.0.0.1:8443}: the scheme follows {@link
   * #isTls()}; a wildcard bind address ({@code 0.0.0.0}, {@code ::}) is reported as the loopback
   * address, an IPv6 address in brackets.
   *
   * @return the URL, without a trailing slash
   * @throws IllegalStateException before {@link #start()}
   */
  public String url() {
    String host = runtime.config.host();
    if (host.equals("0.0.0.0")) {
      host = "127.0.0.1";
    } else if (host.equals("::") || host.equals("0:0:0:0:0:0:0:0")) {
      host = "::1";
    }
    if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return (tls != null ? "https://" : "http://") + host + ":" + port();
  }

  /**
   * The complete routing table, including the built-in routes.
   *
   * @return the router
   */
  public Router router() {
    return runtime.router;
  }

  /**
   * The server's metrics; register further metrics on {@code metrics().registry()}.
   *
   * @return the metrics
   */
  public ServerMetrics metrics() {
    return runtime.metrics;
  }

  /**
   * The tracing helper (its {@code tracer()} serves handlers' own spans).
   *
   * @return the tracing helper
   */
  public ServerTracing tracing() {
    return runtime.tracing;
  }

  /**
   * Whether {@code /ready} would currently answer 200.
   *
   * @return true when ready
   */
  public boolean isReady() {
    return readiness().statusCode() == 200;
  }

  /**
   * Requests received and not yet answered.
   *
   * @return the count
   */
  public int inFlightRequests() {
    return runtime.inFlight.count();
  }

  /** Number of open SSE streams. */
  int openStreams() {
    return runtime.streams.size();
  }

  /**
   * Graceful shutdown: readiness off, stop accepting, close SSE streams, wait for in-flight
   * requests up to {@link ServerConfig#shutdownGrace()}, then close connections, the executor and
   * the event loops. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    runtime.shuttingDown = true;
    if (!started.get()) {
      runtime.executor.shutdownNow();
      return;
    }
    LOG.info("HTTP server on port {} shutting down", port());
    serverChannel.close().syncUninterruptibly();
    for (SseConnection stream : new ArrayList<>(runtime.streams)) {
      stream.close();
    }
    try {
      if (!runtime.inFlight.awaitZero(runtime.config.shutdownGrace())) {
        LOG.warn(
            "Shutdown grace of {} elapsed with {} request(s) in flight",
            runtime.config.shutdownGrace(),
            runtime.inFlight.count());
      }
      channels.close().awaitUninterruptibly();
      runtime.shutdownExecutor(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      runtime.executor.shutdownNow();
    }
    shutdownGroups();
    LOG.info("HTTP server stopped");
  }

  private void shutdownGroups() {
    List<io.netty.util.concurrent.Future<?>> futures = new ArrayList<>();
    if (ioGroup != null) {
      futures.add(ioGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS));
    }
    if (bossGroup != null) {
      futures.add(bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS));
    }
    futures.forEach(io.netty.util.concurrent.Future::syncUninterruptibly);
  }

  /** Assembles an {@link HttpServer}. */
  public static final class Builder {
    private final ServerConfig config;
    private Router router = Router.builder().build();
    private Authenticator authenticator = Authenticator.NOBODY;
    private Authorizer authorizer = Authorizer.ALLOW_ALL;
    private RateLimiter rateLimiter = RateLimiter.none();
    private final Map<String, ReadinessCheck> readinessChecks = new LinkedHashMap<>();
    private OpenTelemetry openTelemetry;
    private ObjectMapper objectMapper = new ObjectMapper();
    private ServerMetrics metrics;
    private boolean debugRoutes;
    private TlsSettings tlsSettings = TlsSettings.none();
    private SslContext sslContext;

    private Builder(ServerConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * The application's routes.
     *
     * @param value the router
     * @return this builder
     */
    public Builder router(Router value) {
      this.router = Objects.requireNonNull(value, "router");
      return this;
    }

    /**
     * Who sent a request (default: nobody, so protected routes answer 401).
     *
     * @param value the authenticator
     * @return this builder
     */
    public Builder authenticator(Authenticator value) {
      this.authenticator = Objects.requireNonNull(value, "authenticator");
      return this;
    }

    /**
     * The single authorization point (default: allow all).
     *
     * @param value the authorizer
     * @return this builder
     */
    public Builder authorizer(Authorizer value) {
      this.authorizer = Objects.requireNonNull(value, "authorizer");
      return this;
    }

    /**
     * Rate-limit classes used by routes (default: none).
     *
     * @param value the limiter
     * @return this builder
     */
    public Builder rateLimits(RateLimiter value) {
      this.rateLimiter = Objects.requireNonNull(value, "rateLimits");
      return this;
    }

    /**
     * Adds a condition of {@code /ready}, named after its position.
     *
     * @param check the check
     * @return this builder
     */
    public Builder readinessCheck(ReadinessCheck check) {
      return readinessCheck("check-" + (readinessChecks.size() + 1), check);
    }

    /**
     * Adds a named condition of {@code /ready}.
     *
     * @param name name shown in the {@code /ready} body
     * @param check the check
     * @return this builder
     */
    public Builder readinessCheck(String name, ReadinessCheck check) {
      readinessChecks.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(check));
      return this;
    }

    /**
     * The OpenTelemetry instance for server spans (default: an SDK without exporter).
     *
     * @param value the instance
     * @return this builder
     */
    public Builder openTelemetry(OpenTelemetry value) {
      this.openTelemetry = Objects.requireNonNull(value, "openTelemetry");
      return this;
    }

    /**
     * The Jackson mapper for {@link Response#json} bodies and {@link Request#json()}.
     *
     * @param value the mapper
     * @return this builder
     */
    public Builder objectMapper(ObjectMapper value) {
      this.objectMapper = Objects.requireNonNull(value, "objectMapper");
      return this;
    }

    /**
     * Metrics to use instead of a fresh {@link ServerMetrics#create()}.
     *
     * @param value the metrics
     * @return this builder
     */
    public Builder metrics(ServerMetrics value) {
      this.metrics = Objects.requireNonNull(value, "metrics");
      return this;
    }

    /**
     * Serves HTTPS (and, with a client CA, requires client certificates) instead of plain HTTP. The
     * files are read and checked now: a missing, unreadable, malformed, mismatched or expired file
     * fails here with a message naming it. {@link TlsSettings#none()} switches back to plain HTTP.
     * Failed handshakes are counted in {@code tls_handshake_failures_total{reason}} and logged as
     * one rate-limited WARN line; a plain-HTTP request on the port gets a {@code 400} problem.
     *
     * @param value the settings
     * @return this builder
     * @throws IllegalArgumentException when the files of the settings are not usable
     */
    public Builder tls(TlsSettings value) {
      Objects.requireNonNull(value, "tls");
      this.sslContext = value.enabled() ? ServerTls.sslContext(value) : null;
      this.tlsSettings = value;
      return this;
    }

    /**
     * Mounts the admin-only {@link DebugRoutes} (default: off).
     *
     * @param enabled whether to mount them
     * @return this builder
     */
    public Builder debugRoutes(boolean enabled) {
      this.debugRoutes = enabled;
      return this;
    }

    /**
     * Builds the server (not yet listening).
     *
     * @return the server
     * @throws IllegalArgumentException on conflicting routes
     * @throws IllegalStateException when a route names an unknown rate-limit class
     */
    public HttpServer build() {
      if (openTelemetry == null) {
        openTelemetry = ServerTracing.defaultOpenTelemetry();
      }
      return new HttpServer(this);
    }
  }
}
