package dev.ff.edge.replica;

import dev.ff.core.eval.Reason;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.EnumMap;
import java.util.Map;

/**
 * The edge's Prometheus metrics, registered once on the server's registry and shared by every
 * replica and route.
 */
public final class EdgeMetrics {

  /** Cache level of {@code edge_cache_hits_total} / {@code edge_cache_misses_total}. */
  public enum Level {
    /** The in-memory compiled plans (Caffeine). */
    L1,
    /** The Redis document store. */
    L2;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Histogram evalLatency;
  private final Gauge configVersion;
  private final Counter cacheHits;
  private final Counter cacheMisses;
  private final Gauge streamClients;
  private final Histogram propagationDelay;
  private final Counter evaluations;
  private final Counter rejected;
  private final Map<Reason, CounterDataPoint> byReason = new EnumMap<>(Reason.class);
  private final CounterDataPoint l1Hits;
  private final CounterDataPoint l1Misses;

  /**
   * Registers the metrics.
   *
   * @param registry the server's registry
   */
  public EdgeMetrics(PrometheusRegistry registry) {
    evalLatency =
        Histogram.builder()
            .name("edge_eval_latency_seconds")
            .help("Time to evaluate one /evaluate request (all flags of a batch)")
            .unit(Unit.SECONDS)
            .classicOnly()
            .classicUpperBounds(
                0.000_001, 0.000_005, 0.000_01, 0.000_05, 0.000_1, 0.000_5, 0.001, 0.005, 0.01,
                0.05)
            .withoutExemplars()
            .register(registry);
    configVersion =
        Gauge.builder()
            .name("edge_config_version")
            .help("Version of the config document an environment's replica serves")
            .labelNames("env")
            .register(registry);
    cacheHits =
        Counter.builder()
            .name("edge_cache_hits_total")
            .help("Lookups served from a cache level (l1: compiled plan, l2: Redis document)")
            .labelNames("level")
            .register(registry);
    cacheMisses =
        Counter.builder()
            .name("edge_cache_misses_total")
            .help("Lookups a cache level could not serve (l1: recompiled, l2: not in Redis)")
            .labelNames("level")
            .register(registry);
    streamClients =
        Gauge.builder()
            .name("edge_stream_clients")
            .help("Open SDK config streams")
            .labelNames("env")
            .register(registry);
    propagationDelay =
        Histogram.builder()
            .name("edge_propagation_delay_seconds")
            .help(
                "Delay from a document's publishedAt (when present, else its arrival at the edge)"
                    + " to the edge serving it")
            .unit(Unit.SECONDS)
            .classicOnly()
            .classicUpperBounds(0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
            .withoutExemplars()
            .register(registry);
    evaluations =
        Counter.builder()
            .name("edge_evaluations_total")
            .help("Flag evaluations served, by reason")
            .labelNames("reason")
            .register(registry);
    rejected =
        Counter.builder()
            .name("edge_config_rejected_total")
            .help("Config documents or patches refused (bad signature, invalid, wrong environment)")
            .labelNames("env")
            .register(registry);
    for (Reason reason : Reason.values()) {
      byReason.put(reason, evaluations.labelValues(reason.name()));
    }
    l1Hits = cacheHits.labelValues(Level.L1.label());
    l1Misses = cacheMisses.labelValues(Level.L1.label());
    cacheHits.labelValues(Level.L2.label()).inc(0);
    cacheMisses.labelValues(Level.L2.label()).inc(0);
  }

  /**
   * Records one evaluation.
   *
   * @param reason its reason
   */
  public void evaluated(Reason reason) {
    byReason.get(reason).inc();
  }

  /**
   * Records the latency of one request's evaluations.
   *
   * @param seconds the duration
   */
  public void evalLatency(double seconds) {
    evalLatency.observe(seconds);
  }

  /**
   * Records a cache lookup.
   *
   * @param level the level
   * @param hit whether it was served
   */
  public void cache(Level level, boolean hit) {
    if (level == Level.L1) {
      (hit ? l1Hits : l1Misses).inc();
    } else {
      (hit ? cacheHits : cacheMisses).labelValues(level.label()).inc();
    }
  }

  /**
   * Sets the served version of an environment.
   *
   * @param env the environment key
   * @param version the version
   */
  public void configVersion(String env, long version) {
    configVersion.labelValues(env).set(version);
  }

  /**
   * Records a propagation delay.
   *
   * @param seconds the delay
   */
  public void propagation(double seconds) {
    propagationDelay.observe(Math.max(0, seconds));
  }

  /**
   * Counts a refused document or patch.
   *
   * @param env the environment key
   */
  public void rejected(String env) {
    rejected.labelValues(env).inc();
  }

  /**
   * Counts refused documents of an environment.
   *
   * @param env the environment key
   * @return the count
   */
  public double rejectedCount(String env) {
    return rejected.labelValues(env).get();
  }

  /**
   * Adds to the open stream count of an environment.
   *
   * @param env the environment key
   * @param delta +1 or -1
   */
  public void streamClients(String env, int delta) {
    streamClients.labelValues(env).inc(delta);
  }
}
