package dev.ff.jmh.sdk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.jmh.harness.Population;
import dev.ff.jmh.harness.Sanity;
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

/**
 * The SDK's {@code boolVariation}/{@code stringVariation} (exposure tracking on, as the {@code
 * ff_sdk} peer sets it up) beside ff-core's compiled evaluator, <em>in the same JVM</em>: every
 * fork starts both peers and runs both sanity checks before measuring either, so the two columns
 * share one set of loaded classes, JIT profiles and threads, and their difference is what the SDK
 * adds to a call.
 *
 * <p>The peer table (one JVM per peer) compares SDKs as their users start them. There the {@code
 * ff_sdk} fork holds what this peer's client holds: no HTTP client (the SDK builds it on first use,
 * and this peer never sends during a fork). On JDK 17, a process that had built one compiled
 * ff-core's evaluator differently from fork to fork (docs/performance.md §5). Here both peers share
 * one JVM, so whatever the process has loaded is the same for both columns and their difference is
 * what the SDK adds to a call. Scenarios as in the peer table: S1's fixed user, S2's pool of 2,048
 * and its worst case, S3's 100,000 users round robin.
 */
@State(Scope.Benchmark)
@Fork(
    value = 3,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SdkOverheadBench {
  private FfPeer core;
  private FfSdkPeer sdk;
  private ObjectNode coreS1;
  private Context sdkS1;
  private ObjectNode coreWorst;
  private Context sdkWorst;
  private ObjectNode[] corePool;
  private Context[] sdkPool;
  private ObjectNode[] coreMany;
  private Context[] sdkMany;
  private int nextPool;
  private int nextMany;

  /** Starts both peers, checks both, and builds each one's contexts. */
  @Setup(Level.Trial)
  public void setUp() {
    core = new FfPeer();
    sdk = new FfSdkPeer();
    Sanity.runOrThrow(core, Sanity.Size.QUICK);
    Sanity.runOrThrow(sdk, Sanity.Size.QUICK);
    coreS1 = core.context(Population.s1FixedUser());
    sdkS1 = sdk.context(Population.s1FixedUser());
    coreWorst = core.context(Population.s2WorstCaseUser());
    sdkWorst = sdk.context(Population.s2WorstCaseUser());
    List<User> pool = Population.s2Pool(Population.S2_POOL);
    corePool = core.contexts(pool).toArray(new ObjectNode[0]);
    sdkPool = sdk.contexts(pool).toArray(new Context[0]);
    List<User> many = Population.manyUsers(Population.S3_USERS);
    coreMany = core.contexts(many).toArray(new ObjectNode[0]);
    sdkMany = sdk.contexts(many).toArray(new Context[0]);
  }

  /** Stops the SDK (prints its event counters). */
  @TearDown(Level.Trial)
  public void tearDown() {
    sdk.close();
  }

  private int pool() {
    int i = nextPool;
    nextPool = i + 1 == corePool.length ? 0 : i + 1;
    return i;
  }

  private int many() {
    int i = nextMany;
    nextMany = i + 1 == coreMany.length ? 0 : i + 1;
    return i;
  }

  /**
   * S1, core.
   *
   * @return the value
   */
  @Benchmark
  public boolean s1_core() {
    return core.s1(coreS1);
  }

  /**
   * S1, SDK.
   *
   * @return the value
   */
  @Benchmark
  public boolean s1_sdk() {
    return sdk.s1(sdkS1);
  }

  /**
   * S2 pool, core.
   *
   * @return the value
   */
  @Benchmark
  public String s2_core() {
    return core.s2(corePool[pool()]);
  }

  /**
   * S2 pool, SDK.
   *
   * @return the value
   */
  @Benchmark
  public String s2_sdk() {
    return sdk.s2(sdkPool[pool()]);
  }

  /**
   * S2 worst case, core.
   *
   * @return the value
   */
  @Benchmark
  public String s2worst_core() {
    return core.s2(coreWorst);
  }

  /**
   * S2 worst case, SDK.
   *
   * @return the value
   */
  @Benchmark
  public String s2worst_sdk() {
    return sdk.s2(sdkWorst);
  }

  /**
   * S3, core.
   *
   * @return the value
   */
  @Benchmark
  public boolean s3_core() {
    return core.s1(coreMany[many()]);
  }

  /**
   * S3, SDK.
   *
   * @return the value
   */
  @Benchmark
  public boolean s3_sdk() {
    return sdk.s1(sdkMany[many()]);
  }
}
