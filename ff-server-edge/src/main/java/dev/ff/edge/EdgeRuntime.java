package dev.ff.edge;

import dev.ff.core.document.KeyRing;
import dev.ff.edge.replica.DocumentStore;
import dev.ff.edge.replica.EdgeMetrics;
import dev.ff.edge.replica.PlanCache;
import dev.ff.edge.replica.RedisDocumentStore;
import dev.ff.edge.replica.ReplicaContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The parts every edge needs besides its HTTP server, whether it runs alone ({@link EdgeServer}) or
 * inside {@code ff serve} ({@link EmbeddedEdge}): threads, the L2 store, the compiled-plan cache,
 * and the replicas' shared context.
 */
final class EdgeRuntime implements AutoCloseable {
  private final ScheduledExecutorService scheduler =
      Executors.newScheduledThreadPool(1, threads("ff-edge-scheduler"));
  private final ExecutorService workers = Executors.newCachedThreadPool(threads("ff-edge-replica"));
  private final DocumentStore store;
  private final ReplicaContext context;

  /**
   * Starts the threads and connects the L2 store (when {@code settings.redisUrl()} is set).
   *
   * @param settings backoff, polling, idle timeout, plan-cache size and Redis URL
   * @param controlUrl the control plane
   * @param keys the keys documents must verify with
   * @param clock the time source
   * @param http the client of the control plane
   * @param metrics the edge's metrics
   */
  EdgeRuntime(
      EdgeConfig settings,
      URI controlUrl,
      KeyRing keys,
      Clock clock,
      HttpClient http,
      EdgeMetrics metrics) {
    this.store =
        settings.redisUrl() == null
            ? DocumentStore.NONE
            : new RedisDocumentStore(settings.redisUrl());
    this.context =
        new ReplicaContext(
            controlUrl,
            keys,
            clock,
            scheduler,
            workers,
            http,
            store,
            new PlanCache(settings.maxCompiledEnvironments(), metrics),
            metrics,
            settings.minBackoff(),
            settings.maxBackoff(),
            settings.pollInterval(),
            settings.streamIdleTimeout());
  }

  ReplicaContext context() {
    return context;
  }

  /** Stops the threads and the L2 store (close the replicas first). */
  @Override
  public void close() {
    scheduler.shutdownNow();
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.close();
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
