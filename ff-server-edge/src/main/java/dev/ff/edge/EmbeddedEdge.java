package dev.ff.edge;

import dev.ff.core.document.KeyRing;
import dev.ff.edge.http.EdgeRoutes;
import dev.ff.edge.http.OnDemandReplicas;
import dev.ff.edge.http.ReplicaAccess;
import dev.ff.edge.http.StreamHub;
import dev.ff.edge.replica.EdgeMetrics;
import dev.ff.edge.replica.EnvironmentReplica;
import dev.ff.server.http.ProblemException;
import dev.ff.server.http.Request;
import dev.ff.server.http.Route;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The edge's routes inside another server's process ({@code ff serve}): the same {@code /evaluate},
 * {@code /evaluate/batch}, {@code /configs/{envKey}} and {@code /stream/{envKey}} as a standalone
 * {@link EdgeServer}, served on the host server's port and authenticated by its authenticator.
 * Replicas start on demand for the environment an SDK token is bound to and follow the control
 * plane over HTTP exactly like a remote edge (stream, patches, signature checks).
 *
 * <pre>{@code
 * EmbeddedEdge edge = new EmbeddedEdge(EdgeConfig.defaults(), clock, registry, binder);
 * edge.routes(rateLimitClass).forEach(host::addRoute); // before the host starts
 * edge.start(URI.create(host.url()), keys, httpClient); // once it listens
 * }</pre>
 */
public final class EmbeddedEdge implements AutoCloseable {
  private final EdgeConfig settings;
  private final Clock clock;
  private final EdgeMetrics metrics;
  private final StreamHub hub;
  private final Function<Request, Optional<OnDemandReplicas.Binding>> binder;
  private volatile Started started;

  private record Started(EdgeRuntime runtime, OnDemandReplicas replicas) {}

  /**
   * An edge, not yet started.
   *
   * @param settings backoff, polling, idle timeout, plan-cache size and Redis URL (host, port,
   *     environments and keys are not used)
   * @param clock the time source of the replicas
   * @param registry where the edge's metrics go (the host server's {@code /metrics})
   * @param binder the environment binding of an authenticated request (empty when its principal is
   *     not an environment-bound token)
   */
  public EmbeddedEdge(
      EdgeConfig settings,
      Clock clock,
      PrometheusRegistry registry,
      Function<Request, Optional<OnDemandReplicas.Binding>> binder) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.metrics = new EdgeMetrics(registry);
    this.hub = new StreamHub(metrics);
    this.binder = Objects.requireNonNull(binder, "binder");
  }

  /**
   * The edge's routes, to add to the host server before it starts. Until {@link #start} they answer
   * 503.
   *
   * @param rateLimitClass the host's rate-limit class for them
   * @return the routes
   */
  public List<Route> routes(String rateLimitClass) {
    ReplicaAccess access = this::replicaFor;
    return new EdgeRoutes(access, hub, metrics).routes(rateLimitClass);
  }

  /**
   * Starts following the control plane.
   *
   * @param controlUrl the control plane (usually the host server itself)
   * @param keys the keys documents must verify with
   * @param http the client of the control plane
   * @return this edge
   * @throws IllegalStateException when started twice
   */
  public synchronized EmbeddedEdge start(URI controlUrl, KeyRing keys, HttpClient http) {
    if (started != null) {
      throw new IllegalStateException("already started");
    }
    EdgeRuntime runtime = new EdgeRuntime(settings, controlUrl, keys, clock, http, metrics);
    OnDemandReplicas replicas =
        new OnDemandReplicas(
            binder,
            (name, envKey, token) -> new EnvironmentReplica(name, envKey, token, runtime.context()),
            List.of(hub));
    started = new Started(runtime, replicas);
    return this;
  }

  /**
   * The replicas started so far.
   *
   * @return the replicas (empty before {@link #start})
   */
  public List<EnvironmentReplica> replicas() {
    Started now = started;
    return now == null ? List.of() : now.replicas().replicas();
  }

  /**
   * The edge's metrics.
   *
   * @return the metrics
   */
  public EdgeMetrics metrics() {
    return metrics;
  }

  /** Closes the replicas and the threads. Idempotent. */
  @Override
  public synchronized void close() {
    Started now = started;
    if (now != null) {
      now.replicas().close();
      now.runtime().close();
    }
  }

  private EnvironmentReplica replicaFor(Request request, String envKey) {
    Started now = started;
    if (now == null) {
      throw ProblemException.serviceUnavailable("The edge is starting", 1);
    }
    return now.replicas().replicaFor(request, envKey);
  }
}
