package dev.ff.server.tls;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of TLS for one listener: a validated Netty {@link SslContext} and the handlers
 * that go first in each connection's pipeline.
 *
 * <p>{@link #sslContext(TlsSettings)} is the factory: it reads the files of the settings and fails
 * fast, with a message naming the file, when one is missing, unreadable, not PEM/PKCS#12, holds an
 * encrypted or mismatched key, a chain out of order, or an expired certificate. TLS 1.3 and 1.2 are
 * offered (JDK provider); with a client CA, clients must present a certificate that chains to it.
 *
 * <p>An instance ({@link #create}) equips connections: a plain-HTTP request on the TLS port gets a
 * {@code 400} problem ("use https") and the connection is closed; every failed handshake is counted
 * in {@code tls_handshake_failures_total{reason}} ({@link HandshakeFailure}) and logged as one WARN
 * line, at most once a minute per reason (the others at DEBUG), never with a stack trace.
 */
public final class ServerTls {
  /** Name of the handshake-failure counter. */
  public static final String FAILURES_METRIC = "tls_handshake_failures_total";

  private static final Logger LOG = LoggerFactory.getLogger(ServerTls.class);
  private static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;
  private static final Map<PrometheusRegistry, Counter> COUNTERS = new WeakHashMap<>();

  /** Renders the body of the {@code 400} problem sent to plain-HTTP requests. */
  @FunctionalInterface
  public interface PlainHttpProblem {
    /**
     * The {@code application/problem+json} body.
     *
     * @param path the request's path when it could be read, else null
     * @param correlationId the correlation id of the answer
     * @return UTF-8 JSON
     */
    byte[] render(String path, String correlationId);
  }

  private final SslContext context;
  private final boolean mutual;
  private final Counter failures;
  private final FailureLog failureLog;
  private final PlainHttpProblem plainHttpProblem;

  private ServerTls(
      SslContext context, boolean mutual, Counter failures, PlainHttpProblem plainHttpProblem) {
    this.context = context;
    this.mutual = mutual;
    this.failures = failures;
    this.plainHttpProblem = plainHttpProblem;
    this.failureLog = new FailureLog(LOG, TimeUnit.MINUTES.toNanos(1), System::nanoTime);
  }

  /**
   * Reads and checks the files of the settings into a server {@link SslContext}.
   *
   * @param settings enabled settings
   * @return the context
   * @throws IllegalArgumentException when the settings have no identity, or a file is missing,
   *     unreadable, malformed, mismatched or expired (the message names the file)
   */
  public static SslContext sslContext(TlsSettings settings) {
    return sslContext(settings, Clock.systemUTC());
  }

  /**
   * As {@link #sslContext(TlsSettings)}, checking validity dates against a clock.
   *
   * @param settings enabled settings
   * @param clock the time the certificates must be valid at
   * @return the context
   * @throws IllegalArgumentException as {@link #sslContext(TlsSettings)}
   */
  public static SslContext sslContext(TlsSettings settings, Clock clock) {
    Objects.requireNonNull(settings, "settings");
    TlsSettings.Identity identity =
        settings
            .identity()
            .orElseThrow(() -> new IllegalArgumentException("TLS settings without a certificate"));
    Credentials credentials = Credentials.load(identity, clock.instant());
    SslContextBuilder builder =
        SslContextBuilder.forServer(
                credentials.key(), credentials.chain().toArray(X509Certificate[]::new))
            .sslProvider(SslProvider.JDK)
            .protocols("TLSv1.3", "TLSv1.2");
    if (settings.clientCa().isPresent()) {
      String source = settings.clientCa().get().toString();
      List<X509Certificate> cas = Pem.readCertificates(settings.clientCa().get());
      Credentials.checkValidity(cas, source, clock.instant());
      builder.trustManager(cas.toArray(X509Certificate[]::new)).clientAuth(ClientAuth.REQUIRE);
    }
    try {
      return builder.build();
    } catch (SSLException | RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot set up TLS with " + settings + ": " + e.getMessage(), e);
    }
  }

  /**
   * The TLS side of a listener.
   *
   * @param settings enabled settings (read and checked now)
   * @param registry where {@code tls_handshake_failures_total} goes (one counter per registry, so
   *     listeners may share a registry)
   * @param plainHttpProblem the body answered to plain-HTTP requests
   * @return the listener's TLS
   * @throws IllegalArgumentException as {@link #sslContext(TlsSettings)}
   */
  public static ServerTls create(
      TlsSettings settings, PrometheusRegistry registry, PlainHttpProblem plainHttpProblem) {
    return create(sslContext(settings), settings.mutual(), registry, plainHttpProblem);
  }

  /**
   * The TLS side of a listener from an already built context.
   *
   * @param context the server context
   * @param mutual whether the context requires client certificates (for logs)
   * @param registry where {@code tls_handshake_failures_total} goes
   * @param plainHttpProblem the body answered to plain-HTTP requests
   * @return the listener's TLS
   */
  public static ServerTls create(
      SslContext context,
      boolean mutual,
      PrometheusRegistry registry,
      PlainHttpProblem plainHttpProblem) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(plainHttpProblem, "plainHttpProblem");
    return new ServerTls(context, mutual, counter(registry), plainHttpProblem);
  }

  private static Counter counter(PrometheusRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    synchronized (COUNTERS) {
      return COUNTERS.computeIfAbsent(
          registry,
          r -> {
            Counter counter =
                Counter.builder()
                    .name(FAILURES_METRIC)
                    .help("TLS handshakes that failed, by reason")
                    .labelNames("reason")
                    .register(r);
            for (HandshakeFailure reason : HandshakeFailure.values()) {
              counter.labelValues(reason.label()).inc(0);
            }
            return counter;
          });
    }
  }

  /**
   * Whether client certificates are required.
   *
   * @return true for mutual TLS
   */
  public boolean mutual() {
    return mutual;
  }

  /**
   * The Netty context.
   *
   * @return the context
   */
  public SslContext context() {
    return context;
  }

  /**
   * Puts the TLS handlers first in a new connection's pipeline: plain-HTTP detection, the {@link
   * SslHandler}, and the handshake observer (which removes itself after a successful handshake).
   *
   * @param pipeline the pipeline of a new child channel
   */
  public void install(ChannelPipeline pipeline) {
    SslHandler ssl = context.newHandler(pipeline.channel().alloc());
    ssl.setHandshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS);
    pipeline.addFirst("tls-observer", new HandshakeObserver(this));
    pipeline.addFirst("tls", ssl);
    pipeline.addFirst("tls-detect", new PlainTextDetector(this));
  }

  /**
   * Handshake failures counted so far for a reason (for tests and diagnostics).
   *
   * @param reason the reason
   * @return the count
   */
  public double failures(HandshakeFailure reason) {
    return failures.labelValues(reason.label()).get();
  }

  /** Counts and logs one failed handshake. */
  void failed(HandshakeFailure reason, Object peer, String detail) {
    failures.labelValues(reason.label()).inc();
    failureLog.failed(reason, peer, detail);
  }

  PlainHttpProblem plainHttpProblem() {
    return plainHttpProblem;
  }
}
