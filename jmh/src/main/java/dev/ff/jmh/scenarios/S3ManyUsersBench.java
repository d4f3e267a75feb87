package dev.ff.jmh.scenarios;

import dev.ff.jmh.harness.Peer;
import dev.ff.jmh.harness.Population;
import dev.ff.jmh.harness.Sanity;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * S3 "many users": the S1 flag evaluated round-robin over {@link Population#S3_USERS} distinct
 * prebuilt contexts (about 10% NL), so no per-context cache can help and the contexts do not fit in
 * the CPU caches.
 *
 * @param <C> the peer's context type
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class S3ManyUsersBench<C> {

  private Peer<C> peer;
  private Object[] contexts;

  /** Each thread's round-robin position; the threads start half the population apart. */
  @State(Scope.Thread)
  public static class Cursor {
    private int next;

    /**
     * Places this thread in the population.
     *
     * @param params the thread's index and the thread count
     */
    @Setup(Level.Trial)
    public void init(ThreadParams params) {
      next = params.getThreadIndex() * (Population.S3_USERS / Math.max(1, params.getThreadCount()));
    }
  }

  /**
   * Starts the peer's offline client.
   *
   * @return the peer
   */
  protected abstract Peer<C> createPeer();

  /** Starts the peer, checks it, and builds every context. */
  @Setup(Level.Trial)
  public void setUp() {
    peer = createPeer();
    Sanity.runOrThrow(peer, Sanity.Size.QUICK);
    contexts = peer.contexts(Population.manyUsers(Population.S3_USERS)).toArray();
  }

  /** Stops the peer. */
  @TearDown(Level.Trial)
  public void tearDown() {
    peer.close();
  }

  @SuppressWarnings("unchecked")
  private C next(Cursor cursor) {
    int i = cursor.next;
    cursor.next = i + 1 == contexts.length ? 0 : i + 1;
    return (C) contexts[i];
  }

  /**
   * Average time of one evaluation on one thread.
   *
   * @param cursor this thread's position in the population
   * @param bh receives the result
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @Threads(1)
  public void avgt_1t(Cursor cursor, Blackhole bh) {
    bh.consume(peer.s1(next(cursor)));
  }

  /**
   * Evaluations per second with two threads sharing one client.
   *
   * @param cursor this thread's position in the population
   * @param bh receives the result
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public void thrpt_2t(Cursor cursor, Blackhole bh) {
    bh.consume(peer.s1(next(cursor)));
  }
}
