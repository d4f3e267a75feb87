package dev.ff.jmh.sdk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.jmh.harness.Population;
import dev.ff.jmh.harness.User;
import dev.ff.jmh.peers.ff.FfPeer;
import dev.ff.jmh.peers.ff_sdk.FfSdkPeer;
import dev.ff.sdk.Context;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The SDK's exposure dedup through its table, beside the core evaluator, in one JVM: each of the S3
 * population's 100,000 contexts is evaluated on both scenario flags in turn ({@code s1-simple},
 * then {@code s2-complex}), so the context object's exposure memo (which remembers only the last
 * exposure) never matches and every SDK evaluation looks its exposure up in the fingerprint table
 * (a random access into a table larger than the CPU caches) and updates the memo. This is the cost
 * of an application that evaluates several flags per context, or builds a new context for each
 * evaluation; the peer benchmarks ({@code S3ManyUsers}) re-evaluate one flag per prebuilt context
 * and so measure the memo.
 *
 * <p>Not part of the peer table: one operation is two evaluations, and both columns run here. Run
 * it by name: {@code 'dev\.ff\.jmh\.sdk\.TablePathBench'}.
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TablePathBench {
  private FfPeer core;
  private FfSdkPeer sdk;
  private ObjectNode[] coreContexts;
  private Context[] sdkContexts;
  private int next;

  /** Starts both peers and builds each one's contexts (each peer's contiguously). */
  @Setup(Level.Trial)
  public void setUp() {
    core = new FfPeer();
    sdk = new FfSdkPeer();
    List<User> users = Population.manyUsers(Population.S3_USERS);
    coreContexts = core.contexts(users).toArray(new ObjectNode[0]);
    sdkContexts = sdk.contexts(users).toArray(new Context[0]);
  }

  /** Stops the SDK (prints its event counters). */
  @TearDown(Level.Trial)
  public void tearDown() {
    sdk.close();
  }

  private int advance() {
    int i = next;
    next = i + 1 == coreContexts.length ? 0 : i + 1;
    return i;
  }

  /**
   * The core evaluator: both flags on the next context.
   *
   * @param bh receives the results
   */
  @Benchmark
  public void core_twoFlags(Blackhole bh) {
    ObjectNode ctx = coreContexts[advance()];
    bh.consume(core.s1(ctx));
    bh.consume(core.s2(ctx));
  }

  /**
   * The SDK with exposure tracking on: both flags on the next context, each exposure looked up in
   * the table.
   *
   * @param bh receives the results
   */
  @Benchmark
  public void sdk_twoFlags(Blackhole bh) {
    Context ctx = sdkContexts[advance()];
    bh.consume(sdk.s1(ctx));
    bh.consume(sdk.s2(ctx));
  }
}
