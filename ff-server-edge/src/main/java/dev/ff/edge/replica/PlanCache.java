package dev.ff.edge.replica;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ff.core.ConfigLoader;
import dev.ff.core.eval.CompiledConfig;
import java.util.Optional;

/**
 * The L1 cache: compiled plans of at most {@code maximum} environments (Caffeine, size-bounded). A
 * replica keeps its last verified document; an evicted or outdated plan is recompiled from it on
 * the next evaluation.
 */
public final class PlanCache {
  private final Cache<String, CompiledConfig> plans;
  private final EdgeMetrics metrics;

  /**
   * A cache.
   *
   * @param maximum how many environments stay compiled
   * @param metrics records hits and misses (level l1)
   */
  public PlanCache(int maximum, EdgeMetrics metrics) {
    this.plans = Caffeine.newBuilder().maximumSize(maximum).executor(Runnable::run).build();
    this.metrics = metrics;
  }

  /**
   * Stores a freshly compiled plan.
   *
   * @param envKey the environment
   * @param plan the plan
   */
  public void put(String envKey, CompiledConfig plan) {
    plans.asMap().merge(envKey, plan, (old, neu) -> neu.version() >= old.version() ? neu : old);
  }

  /**
   * The plan of a snapshot: cached, or compiled again from its (already verified) document.
   *
   * @param envKey the environment
   * @param snapshot the replica's current snapshot
   * @return the plan, or empty if the document no longer compiles (cannot happen for a document
   *     that compiled when it was installed)
   */
  public Optional<CompiledConfig> plan(String envKey, EnvironmentReplica.Snapshot snapshot) {
    CompiledConfig plan = plans.getIfPresent(envKey);
    if (plan != null && plan.version() == snapshot.version()) {
      metrics.cache(EdgeMetrics.Level.L1, true);
      return Optional.of(plan);
    }
    metrics.cache(EdgeMetrics.Level.L1, false);
    if (ConfigLoader.load(snapshot.document()) instanceof ConfigLoader.Loaded loaded) {
      put(envKey, loaded.config());
      return Optional.of(loaded.config());
    }
    return Optional.empty();
  }

  /**
   * Whether an environment currently has a compiled plan in memory.
   *
   * @param envKey the environment
   * @return true when cached
   */
  public boolean isCompiled(String envKey) {
    return plans.getIfPresent(envKey) != null;
  }

  /**
   * How many plans are in memory.
   *
   * @return the count
   */
  public long size() {
    plans.cleanUp();
    return plans.estimatedSize();
  }
}
