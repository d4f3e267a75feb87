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
 * S2 "complex": the string flag {@code s2-complex}, six rules checked top to bottom (email suffix,
 * plan list, user-agent regex, age above 30, app version at least 2.3.0, segment eu-beta), then a
 * 25/25/25/25 rollout by key.
 *
 * <ul>
 *   <li>{@code avgt_1t} and {@code thrpt_2t}: round-robin over a pool of {@link Population#S2_POOL}
 *       prebuilt contexts, each decided by one of the seven outcomes drawn at random, so the mean
 *       covers every rule depth.
 *   <li>{@code worstCase_avgt_1t}: one context that misses all six rules (the segment fails on its
 *       last condition): the whole rule walk plus the rollout.
 * </ul>
 *
 * @param <C> the peer's context type
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class S2ComplexBench<C> {

  private Peer<C> peer;
  private Object[] pool;
  private C worst;

  /** Each thread's round-robin position; the threads start half the pool apart. */
  @State(Scope.Thread)
  public static class Cursor {
    private int next;

    /**
     * Places this thread in the pool.
     *
     * @param params the thread's index and the thread count
     */
    @Setup(Level.Trial)
    public void init(ThreadParams params) {
      next = params.getThreadIndex() * (Population.S2_POOL / Math.max(1, params.getThreadCount()));
    }
  }

  /**
   * Starts the peer's offline client.
   *
   * @return the peer
   */
  protected abstract Peer<C> createPeer();

  /** Starts the peer, checks it, and builds the pool and the worst-case context. */
  @Setup(Level.Trial)
  public void setUp() {
    peer = createPeer();
    Sanity.runOrThrow(peer, Sanity.Size.QUICK);
    pool = peer.contexts(Population.s2Pool(Population.S2_POOL)).toArray();
    worst = peer.context(Population.s2WorstCaseUser());
  }

  /** Stops the peer. */
  @TearDown(Level.Trial)
  public void tearDown() {
    peer.close();
  }

  @SuppressWarnings("unchecked")
  private C next(Cursor cursor) {
    int i = cursor.next;
    cursor.next = i + 1 == pool.length ? 0 : i + 1;
    return (C) pool[i];
  }

  /**
   * Average time of one evaluation on one thread, over the pool.
   *
   * @param cursor this thread's position in the pool
   * @param bh receives the result
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @Threads(1)
  public void avgt_1t(Cursor cursor, Blackhole bh) {
    bh.consume(peer.s2(next(cursor)));
  }

  /**
   * Evaluations per second with two threads sharing one client, over the pool.
   *
   * @param cursor this thread's position in the pool
   * @param bh receives the result
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public void thrpt_2t(Cursor cursor, Blackhole bh) {
    bh.consume(peer.s2(next(cursor)));
  }

  /**
   * Average time of one evaluation on one thread for the context that misses every rule.
   *
   * @param bh receives the result
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @Threads(1)
  public void worstCase_avgt_1t(Blackhole bh) {
    bh.consume(peer.s2(worst));
  }
}
