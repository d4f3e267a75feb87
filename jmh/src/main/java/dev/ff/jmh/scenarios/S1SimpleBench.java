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

/**
 * S1 "simple": the boolean flag {@code s1-simple} (country NL gets {@code true}, everyone else a
 * 50/50 rollout by key) for one fixed, prebuilt non-NL context, so the rule misses and the rollout
 * decides.
 *
 * @param <C> the peer's context type
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class S1SimpleBench<C> {

  private Peer<C> peer;
  private C ctx;

  /**
   * Starts the peer's offline client.
   *
   * @return the peer
   */
  protected abstract Peer<C> createPeer();

  /** Starts the peer, checks it, and builds the context. */
  @Setup(Level.Trial)
  public void setUp() {
    peer = createPeer();
    Sanity.runOrThrow(peer, Sanity.Size.QUICK);
    ctx = peer.context(Population.s1FixedUser());
  }

  /** Stops the peer. */
  @TearDown(Level.Trial)
  public void tearDown() {
    peer.close();
  }

  /**
   * Average time of one evaluation on one thread.
   *
   * @param bh receives the result
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @Threads(1)
  public void avgt_1t(Blackhole bh) {
    bh.consume(peer.s1(ctx));
  }

  /**
   * Evaluations per second with two threads sharing one client.
   *
   * @param bh receives the result
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public void thrpt_2t(Blackhole bh) {
    bh.consume(peer.s1(ctx));
  }
}
