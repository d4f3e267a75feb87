package dev.ff.server.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The metrics of one server: a {@link PrometheusRegistry} owned by the server (other modules
 * register their own metrics on {@link #registry()}) plus the built-in HTTP metrics and JVM basics.
 */
public final class ServerMetrics {

  /** Reason label of {@code http_server_rejected_total}. */
  public enum RejectReason {
    /** The blocking executor's queue was full. */
    QUEUE_FULL("queue_full"),
    /** A rate limit refused the request. */
    RATE_LIMITED("rate_limited"),
    /** The body (or the header block) was over its limit. */
    TOO_LARGE("too_large");

    private final String label;

    RejectReason(String label) {
      this.label = label;
    }

    /**
     * The label value.
     *
     * @return the label value
     */
    public String label() {
      return label;
    }
  }

  private static final PrometheusTextFormatWriter TEXT = PrometheusTextFormatWriter.create();

  private final PrometheusRegistry registry;
  private final Histogram requests;
  private final Gauge inFlight;
  private final Counter rejected;

  /**
   * Creates the metrics on a new registry, including JVM metrics.
   *
   * @return the metrics
   */
  public static ServerMetrics create() {
    PrometheusRegistry registry = new PrometheusRegistry();
    JvmMetrics.builder().register(registry);
    return new ServerMetrics(registry);
  }

  /**
   * Registers the built-in HTTP metrics on the given registry.
   *
   * @param registry the registry
   */
  public ServerMetrics(PrometheusRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.requests =
        Histogram.builder()
            .name("http_server_requests_seconds")
            .help("Duration of HTTP requests from full receipt to response written")
            .unit(Unit.SECONDS)
            .labelNames("method", "route", "status")
            .classicOnly()
            .classicUpperBounds(
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
            .withoutExemplars()
            .register(registry);
    this.inFlight =
        Gauge.builder()
            .name("http_server_requests_in_flight")
            .help("HTTP requests received and not yet answered")
            .register(registry);
    this.rejected =
        Counter.builder()
            .name("http_server_rejected_total")
            .help("HTTP requests rejected before reaching their handler")
            .labelNames("reason")
            .register(registry);
    for (RejectReason reason : RejectReason.values()) {
      rejected.labelValues(reason.label()).inc(0);
    }
  }

  /**
   * The registry, for other modules' metrics.
   *
   * @return the registry
   */
  public PrometheusRegistry registry() {
    return registry;
  }

  /**
   * Records one answered request.
   *
   * @param method HTTP method
   * @param route route template, or a placeholder for unrouted requests
   * @param status response status
   * @param seconds duration
   */
  public void recordRequest(String method, String route, int status, double seconds) {
    requests.labelValues(method, route, Integer.toString(status)).observe(seconds);
  }

  /** A request started. */
  public void requestStarted() {
    inFlight.inc();
  }

  /** A request was answered. */
  public void requestFinished() {
    inFlight.dec();
  }

  /**
   * Counts a rejection.
   *
   * @param reason why
   */
  public void rejected(RejectReason reason) {
    rejected.labelValues(reason.label()).inc();
  }

  /**
   * Current count of rejections for a reason (for tests and diagnostics).
   *
   * @param reason the reason
   * @return the count
   */
  public double rejectedCount(RejectReason reason) {
    return rejected.labelValues(reason.label()).get();
  }

  /**
   * Content type of {@link #scrape()}.
   *
   * @return the content type
   */
  public String contentType() {
    return TEXT.getContentType();
  }

  /**
   * All metrics of the registry in the Prometheus text format.
   *
   * @return the exposition
   */
  public byte[] scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      TEXT.write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
